using System.Net;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

/// <summary>
/// Api:Limits:MemoryBudgetMb sizes the inference slots and bounds the request bodies held in memory at once: an upload
/// that would go past it is refused with 503 at once, and the memory is free again when the request ends.
/// </summary>
public sealed class MemoryBudgetTests
{
    [Theory]
    [InlineData(0, 0, 8)]       // unmanaged: the configured limit (8) and no body bound
    [InlineData(1536, 1, 8)]    // (1536 - 420) / 2 / 150 = 3 slots, 1536 - 420 - 450 = 666 MiB of bodies
    [InlineData(800, 1, 8)]     // (800 - 420) / 2 / 150 = 1 slot
    [InlineData(20_000, 8, 8)]  // never above the configured limit
    public void The_budget_derives_slots_and_body_memory(int budgetMb, int minSlots, int configured)
    {
        var limits = new ApiLimitsOptions { MemoryBudgetMb = budgetMb, MaxConcurrentRequests = configured, BaselineMb = 420, PerRequestPeakMb = 150 };

        var expectedSlots = budgetMb == 0 ? configured : Math.Clamp((budgetMb - 420) / 2 / 150, 1, configured);
        Assert.Equal(expectedSlots, limits.EffectiveConcurrentRequests);
        Assert.True(limits.EffectiveConcurrentRequests >= minSlots);
        Assert.Equal(budgetMb == 0 ? 0 : (budgetMb - 420 - expectedSlots * 150) * 1024L * 1024, limits.BodyMemoryBytes);
    }

    [Fact]
    public void A_budget_that_leaves_no_room_for_one_largest_request_is_refused_naming_the_setting()
    {
        var limits = new ApiLimitsOptions { MemoryBudgetMb = 700, BaselineMb = 420, PerRequestPeakMb = 150 };

        var errors = limits.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(limits)).ToList();

        Assert.Contains("MemoryBudgetMb", Assert.Single(errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_past_the_body_budget_is_503_at_once_and_the_budget_frees_when_a_request_ends()
    {
        // Bodies of at most 2 MiB; 5 MiB in all: 2 slots of 1 MiB, 3 MiB for bodies (a 1.2 MB raw body reserves twice its size).
        await using var factory = await ApiFactory.StartOnKestrelAsync(new Dictionary<string, string?>
        {
            ["Api:Limits:MemoryBudgetMb"] = "5",
            ["Api:Limits:BaselineMb"] = "0",
            ["Api:Limits:PerRequestPeakMb"] = "1",
            ["Api:Limits:MaxSearchRequestBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:Limits:MaxIndexRequestBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var client = await factory.CreateClientAsync();
        using var raw = new HttpClient { BaseAddress = client.BaseAddress };
        raw.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var photo = Photos.Get("astronaut");
        var padded = photo.Concat(new byte[1_200_000 - photo.Length]).ToArray();
        var upload = new StalledUpload(padded);
        var stalled = raw.PostAsync("/search?k=1", upload);
        await upload.HalfSent;
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        using var refused = await raw.PostAsync("/search?k=1", Requests.Raw(padded, "image/jpeg"));
        upload.Resume();
        using var finished = await stalled;
        using var afterwards = await raw.PostAsync("/search?k=1", Requests.Raw(padded, "image/jpeg"));

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "saturated");
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }
}
