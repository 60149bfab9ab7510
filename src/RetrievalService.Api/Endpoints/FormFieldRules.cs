using RetrievalService.Api.Errors;

namespace RetrievalService.Api.Endpoints;

/// <summary>What every multipart endpoint checks before reading its form: only fields it knows, and text fields sent as text.</summary>
internal static class FormFieldRules
{
    /// <param name="form">The form as read.</param>
    /// <param name="fields">Every field the endpoint reads.</param>
    /// <param name="fileField">The one field sent as files.</param>
    /// <param name="accepted">The end of the unknown-field message, naming the fields, e.g. "/index accepts 'files' (the images), 'ids' and 'metadata'".</param>
    /// <exception cref="ApiProblemException">400 <c>unknown-field</c> or <c>invalid-form</c>.</exception>
    public static void Check(IFormCollection form, IReadOnlyCollection<string> fields, string fileField, string accepted)
    {
        var unknown = form.Keys.Concat(form.Files.Select(f => f.Name)).Distinct(StringComparer.Ordinal)
            .Where(name => !fields.Contains(name, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.UnknownField,
                $"Unknown form field(s) {string.Join(", ", unknown.Select(n => $"'{n}'"))}; {accepted}.");
        }
        // A text field sent as a file is not in the form's values: it would be ignored (a filtered search run
        // unfiltered, metadata dropped).
        if (form.Files.FirstOrDefault(f => f.Name != fileField) is { } misplaced)
        {
            throw ApiProblemException.BadRequest(ProblemCodes.InvalidForm,
                $"'{misplaced.Name}' was sent as a file; send it as a text field (curl -F '{misplaced.Name}=…', not -F '{misplaced.Name}=@file').");
        }
    }
}
