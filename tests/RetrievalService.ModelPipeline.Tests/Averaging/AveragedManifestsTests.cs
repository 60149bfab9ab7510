using System.Text.RegularExpressions;
using RetrievalService.Embedding.Manifests;
using RetrievalService.ModelPipeline.Averaging;

namespace RetrievalService.ModelPipeline.Tests.Averaging;

public sealed class AveragedManifestsTests
{
    private const string InitSha = "09892ecf5566df18273d11ff7df6e31424770bb24a922ca40fe7300222af0564";
    private static readonly string OtherSha = new('a', 64);

    private static ModelManifest Default() =>
        ModelManifestJson.Load(RepoPaths.RequireFile(Path.Combine(RepoPaths.Models, "student-mnv2-regression.manifest.json")));

    // A second run like the shipped default's: the same chain of initialisations, its own id and weights.
    private static ModelManifest Sibling(string id, string sha256)
    {
        var source = Default();
        return source with { Id = id, Sha256 = sha256, Provenance = source.Provenance with { Method = $"{id}'s recipe." } };
    }

    [Fact]
    public void The_average_keeps_the_teacher_and_names_every_ingredient_and_their_initialisation()
    {
        var (first, second) = (Default(), Sibling("seed-10", OtherSha));

        var manifest = AveragedManifests.From([first, second], "soup", gemP: 2.5512, "average …");

        Assert.Equal(ModelRole.Student, manifest.Role);
        Assert.Equal(first.CompatibleWith, manifest.CompatibleWith);
        Assert.Equal(first.Output, manifest.Output);
        Assert.Contains($"{first.Id} (sha256 {first.Sha256})", manifest.Provenance.Source, StringComparison.Ordinal);
        Assert.Contains($"seed-10 (sha256 {OtherSha})", manifest.Provenance.Source, StringComparison.Ordinal);
        Assert.EndsWith($"fine-tuned from student-mnv2-regression-npm (sha256 {InitSha})", manifest.Provenance.Source, StringComparison.Ordinal);
        Assert.Contains("seed-10's recipe.", manifest.Provenance.Method, StringComparison.Ordinal);
        Assert.Equal(2, manifest.Provenance.Metrics!["averagedModels"]);
        // One GeM p, the average's: the ingredients' own trained values are not carried over.
        Assert.EndsWith("(trained, 2 students' weights averaged: GeM p=2.551)", manifest.Architecture, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(manifest.Architecture, @"\(trained"));
    }

    [Fact]
    public void A_student_averages_with_one_fine_tuned_from_it()
    {
        var parent = Default();
        var child = Sibling("child", OtherSha) with
        {
            Provenance = parent.Provenance with { Source = $"{parent.Provenance.Source}; fine-tuned from {parent.Id} (sha256 {parent.Sha256})" },
        };

        Assert.Equal($"{parent.Id} (sha256 {parent.Sha256})", AveragedManifests.CommonAncestor([child, parent]));
    }

    [Fact]
    public void Students_with_no_shared_initialisation_are_refused()
    {
        var stranger = Sibling("stranger", OtherSha) with
        {
            Provenance = Default().Provenance with { Source = "npm:somewhere@1.0.0, trained from scratch" },
        };

        var error = Assert.Throws<InvalidDataException>(() => AveragedManifests.From([Default(), stranger], "soup", null, "average …"));

        Assert.Contains("not fine-tuned from one initialisation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Students_of_another_teacher_are_refused()
    {
        var other = Sibling("other", OtherSha) with { CompatibleWith = new TeacherReference { TeacherId = "teacher-other", TeacherSha256 = OtherSha } };

        var error = Assert.Throws<InvalidDataException>(() => AveragedManifests.From([Default(), other], "soup", null, "average …"));

        Assert.Contains("teacher-other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_teacher_is_not_averaged()
    {
        var teacher = ModelManifestJson.Load(RepoPaths.RequireFile(Path.Combine(RepoPaths.Models, "teacher-resnet18-gem.manifest.json")));

        var error = Assert.Throws<InvalidDataException>(() => AveragedManifests.From([Default(), teacher], "soup", null, "average …"));

        Assert.Contains("not a student", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Students_with_other_inputs_are_refused()
    {
        var larger = Sibling("larger", OtherSha) with { Input = Default().Input with { RecommendedLongerSide = 512 } };

        var error = Assert.Throws<InvalidDataException>(() => AveragedManifests.From([Default(), larger], "soup", null, "average …"));

        Assert.Contains("other inputs", error.Message, StringComparison.Ordinal);
    }
}
