using System.Reflection;
using System.Text.RegularExpressions;
using RetrievalService.Api.Errors;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Api.Tests.Malformed;

namespace RetrievalService.Api.Tests;

/// <summary>
/// docs/api.md's error table and the API's behaviour cannot drift apart: every row is provoked by a case of the
/// malformed-request corpus or by a named test, and every answer the corpus expects is a row.
/// </summary>
public sealed partial class ApiDocsErrorTableTests
{
    // Rows that need a set-up of their own (a stopped database, a full machine, a slow body, another host), and the test
    // that provokes each. A new such row gets its test here.
    private static readonly Dictionary<(int Status, string Code), (Type Class, string Method)> ProvokedByNamedTests = new()
    {
        [(401, "unauthorized")] = (typeof(ApiKeyTests), nameof(ApiKeyTests.Without_a_key_the_answer_is_401_with_a_bearer_challenge)),
        [(401, "invalid-key")] = (typeof(ApiKeyTests), nameof(ApiKeyTests.A_revoked_key_is_401_and_says_it_was_revoked)),
        [(403, "forbidden")] = (typeof(ApiKeyTests), nameof(ApiKeyTests.A_key_without_the_scope_is_403_naming_the_scope)),
        [(429, "quota-exceeded")] = (typeof(QuotaTests), nameof(QuotaTests.A_burst_beyond_the_bucket_gets_429_with_the_headers_and_recovers_after_retry_after)),
        [(400, "invalid-key-request")] = (typeof(KeyEndpointTests), nameof(KeyEndpointTests.A_bad_body_is_400_invalid_key_request)),
        [(404, "thumbnail-not-found")] = (typeof(ImageBrowsingTests),
            nameof(ImageBrowsingTests.A_thumbnail_is_404_image_not_found_for_an_unknown_id_and_thumbnail_not_found_for_a_row_without_one)),
        [(404, "key-not-found")] = (typeof(KeyEndpointTests),
            nameof(KeyEndpointTests.A_created_key_works_at_once_is_listed_without_its_secret_and_stops_working_when_revoked)),
        [(410, "model-retired")] = (typeof(QueryModelTests), nameof(QueryModelTests.A_retired_model_is_410_gone_naming_its_replacement)),
        [(404, "model-not-found")] = (typeof(QueryModelTests), nameof(QueryModelTests.Only_served_query_models_can_be_downloaded)),
        [(408, "request-timeout")] = (typeof(SaturationTests), nameof(SaturationTests.A_body_that_does_not_arrive_within_the_deadline_gets_408_and_the_service_goes_on)),
        [(422, "image-too-complex")] = (typeof(ErrorsWithSetUpTests), nameof(ErrorsWithSetUpTests.A_decode_past_its_deadline_is_422_image_too_complex)),
        [(503, "database-unavailable")] = (typeof(DatabaseOutageTests),
            nameof(DatabaseOutageTests.A_stopped_database_gives_503_with_retry_after_and_the_service_recovers_when_it_returns)),
        [(503, "database-busy")] = (typeof(DatabaseConflictTests),
            nameof(DatabaseConflictTests.A_patch_that_meets_a_lock_timeout_is_503_database_busy_with_retry_after_and_succeeds_when_retried)),
        [(503, "saturated")] = (typeof(SaturationTests), nameof(SaturationTests.A_burst_beyond_the_concurrency_limit_is_refused_quickly_with_503_and_retry_after)),
        [(409, "model-not-live")] = (typeof(TeacherUpgradeTests), nameof(TeacherUpgradeTests.Query_models_of_the_gallery_that_is_not_live_are_refused_with_codes_that_say_why)),
        [(400, "unknown-teacher")] = (typeof(TeacherUpgradeTests), nameof(TeacherUpgradeTests.Query_models_of_the_gallery_that_is_not_live_are_refused_with_codes_that_say_why)),
        [(409, "gallery-incomplete")] = (typeof(TeacherUpgradeTests),
            nameof(TeacherUpgradeTests.Searches_never_fail_and_each_answers_from_one_gallery_while_the_next_one_is_filled_and_switched_live)),
        [(409, "switch-conflict")] = (typeof(TeacherUpgradeTests),
            nameof(TeacherUpgradeTests.Other_instances_follow_a_switch_and_one_that_cannot_serve_the_new_gallery_answers_503_and_a_new_one_refuses_to_start)),
        [(503, "gallery-not-served")] = (typeof(TeacherUpgradeTests),
            nameof(TeacherUpgradeTests.Other_instances_follow_a_switch_and_one_that_cannot_serve_the_new_gallery_answers_503_and_a_new_one_refuses_to_start)),
        [(503, "gallery-not-ready")] = (typeof(ErrorsWithSetUpTests), nameof(ErrorsWithSetUpTests.A_missing_gallery_or_a_newer_schema_is_503_gallery_not_ready_with_retry_after)),
    };

    private static readonly Lazy<IReadOnlyList<(int Status, string Code)>> Table = new(ReadTable);

    private static IEnumerable<(int Status, string Code)> CorpusAnswers => MalformedCorpus.All.Select(c => ((int)c.Status, c.Code)).Distinct();

    [Fact]
    public void Every_row_of_the_error_table_is_provoked_by_the_corpus_or_a_named_test()
    {
        var provoked = CorpusAnswers.Concat(ProvokedByNamedTests.Keys).ToHashSet();

        var unprovoked = Table.Value.Where(row => !provoked.Contains(row)).ToList();

        Assert.True(unprovoked.Count == 0, $"rows no case or named test provokes: {string.Join(", ", unprovoked)}");
    }

    [Fact]
    public void Every_answer_the_corpus_expects_is_a_row_of_the_error_table()
    {
        var undocumented = CorpusAnswers.Where(answer => !Table.Value.Contains(answer)).ToList();

        Assert.True(undocumented.Count == 0, $"answers missing from docs/api.md: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void Every_named_test_is_a_test_method_and_its_row_is_in_the_table()
    {
        foreach (var (row, (type, method)) in ProvokedByNamedTests)
        {
            Assert.Contains(row, Table.Value);
            var test = type.GetMethod(method, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(test?.GetCustomAttribute<FactAttribute>() is not null, $"{type.Name}.{method} is no [Fact] or [Theory]");
        }
    }

    [Fact]
    public void Every_problem_code_the_api_defines_is_documented()
    {
        var codes = typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)
            // 'internal' (a 500) is a bug to report, described under the table rather than listed in it.
            .Where(code => code != ProblemCodes.Internal);

        var undocumented = codes.Where(code => !Table.Value.Any(row => row.Code == code)).ToList();

        Assert.True(undocumented.Count == 0, $"codes missing from docs/api.md: {string.Join(", ", undocumented)}");
    }

    // The rows of the table whose header is "| Status | `code` | When |"; a row may name several codes.
    private static IReadOnlyList<(int Status, string Code)> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "api.md"));
        var header = Array.FindIndex(lines, line => line.StartsWith("| Status | `code` | When |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/api.md has no error table");
        var rows = lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('|'))
            .SelectMany(cells => CodeSpan().Matches(cells[2]).Select(code => (int.Parse(cells[1].Trim(), System.Globalization.CultureInfo.InvariantCulture), code.Groups[1].Value)))
            .ToList();
        // Guards against a parse that finds nothing and lets every assertion above pass vacuously.
        Assert.True(rows.Count >= 20, $"only {rows.Count} rows parsed from docs/api.md's error table");
        return rows;
    }

    [GeneratedRegex("`([a-z-]+)`")]
    private static partial Regex CodeSpan();
}
