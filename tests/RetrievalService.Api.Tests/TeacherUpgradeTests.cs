using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Models;
using RetrievalService.Api.Tests.Infrastructure;
using RetrievalService.Indexing;

namespace RetrievalService.Api.Tests;

/// <summary>
/// A teacher upgrade without downtime: the next teacher's gallery is filled (by the indexing pipeline the indexer runs)
/// while the current one answers, its progress shows in GET /models, and the admin switch makes it live atomically once
/// it is complete. Real models, real photos, the real database.
/// </summary>
public sealed class TeacherUpgradeTests : IDisposable
{
    private const string Query = "home";
    private readonly UpgradeModels models = new();

    [Fact]
    public async Task Searches_never_fail_and_each_answers_from_one_gallery_while_the_next_one_is_filled_and_switched_live()
    {
        await using var factory = await ApiFactory.CreateAsync(models.Settings());
        using var client = await factory.CreateClientAsync();
        var galleries = factory.Services.GetRequiredService<Galleries>();
        await galleries.Current.Indexing.IndexAsync(Items(Photos.All), CancellationToken.None);
        var before = await SearchAsync(client);

        using var stop = new CancellationTokenSource();
        var answers = new ConcurrentQueue<(int Client, HttpStatusCode Status, SearchResponse? Body)>();
        var searching = Enumerable.Range(0, 2).Select(i => Task.Run(() => SearchContinuouslyAsync(client, i, answers, stop.Token))).ToList();

        foreach (var batch in Photos.All.Chunk(3))
        {
            await galleries.Next!.Indexing.IndexAsync(Items(batch), CancellationToken.None);
            if (batch[^1].Id != Photos.All[^1].Id)
            {
                var early = await client.PostAsync($"/galleries/{UpgradeModels.NextTeacher}/live", null);
                var problem = await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict, "gallery-incomplete");
                Assert.Contains("missing", ProblemAssert.Detail(problem), StringComparison.Ordinal);
            }
        }
        var progress = await WaitForProgressAsync(client, p => p.Complete);
        Assert.Equal((10L, 10L, 0L), (progress.Target, progress.Matching, progress.Missing));
        await WaitForAnswersAsync(answers, UpgradeModels.Teacher, 10);

        var switched = await Requests.ReadAsync<LiveGalleryResponse>(await client.PostAsync($"/galleries/{UpgradeModels.NextTeacher}/live", null));
        await WaitForAnswersAsync(answers, UpgradeModels.NextTeacher, 10);
        await stop.CancelAsync();
        await Task.WhenAll(searching);
        var after = await SearchAsync(client);

        Assert.Equal((UpgradeModels.NextTeacher, UpgradeModels.Teacher), (switched.Teacher, switched.Previous));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        foreach (var perClient in answers.GroupBy(a => a.Client))
        {
            var teachers = perClient.Select(a => a.Body!.Models.Gallery).ToList();
            // Once an answer came from the new gallery, none came from the old one again.
            Assert.Equal(teachers.OrderBy(t => t == UpgradeModels.NextTeacher ? 1 : 0), teachers);
        }
        Assert.All(answers.Select(a => a.Body!), body => AssertSameAnswer(body.Models.Gallery == UpgradeModels.Teacher ? before : after, body));
        Assert.Equal((UpgradeModels.Student, UpgradeModels.NextStudent), (before.Models.Query, after.Models.Query));
        Assert.NotEqual(before.Results.Select(r => r.Score), after.Results.Select(r => r.Score));
    }

    [Fact]
    public async Task Uploads_and_deletes_during_an_upgrade_reach_the_rebuilt_gallery_so_the_switch_loses_and_resurrects_nothing()
    {
        await using var factory = await ApiFactory.CreateAsync(models.Settings());
        using var client = await factory.CreateClientAsync();
        var galleries = factory.Services.GetRequiredService<Galleries>();
        var old = Photos.All.Take(4).ToList();
        await galleries.Current.Indexing.IndexAsync(Items(old), CancellationToken.None);
        await galleries.Next!.Indexing.IndexAsync(Items(old), CancellationToken.None);

        var indexed = await Requests.ReadAsync<IndexResponse>(await client.PostAsync("/index", Requests.IndexForm([(Query, Photos.Get(Query))])));
        var deleted = await client.DeleteAsync($"/images/{old[0].Id}");
        await Requests.ReadAsync<LiveGalleryResponse>(await client.PostAsync($"/galleries/{UpgradeModels.NextTeacher}/live", null));

        Assert.Equal((UpgradeModels.Teacher, 1), (indexed.TeacherId, indexed.Stored));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var image = await Requests.ReadAsync<ImageResponse>(await client.GetAsync($"/images/{Query}"));
        Assert.Equal(UpgradeModels.NextTeacher, image.ModelId);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/images/{old[0].Id}")).StatusCode);
        var found = await SearchAsync(client);
        Assert.Equal((UpgradeModels.NextTeacher, Query), (found.Models.Gallery, found.Results[0].Id));
        Assert.Equal(4, found.Results.Count);
    }

    [Fact]
    public async Task After_a_switch_writes_still_reach_the_old_gallery_so_switching_back_loses_nothing()
    {
        await using var factory = await ApiFactory.CreateAsync(models.Settings());
        using var client = await factory.CreateClientAsync();
        var galleries = factory.Services.GetRequiredService<Galleries>();
        var old = Photos.All.Take(3).ToList();
        await galleries.Current.Indexing.IndexAsync(Items(old), CancellationToken.None);
        await galleries.Next!.Indexing.IndexAsync(Items(old), CancellationToken.None);
        await Requests.ReadAsync<LiveGalleryResponse>(await client.PostAsync($"/galleries/{UpgradeModels.NextTeacher}/live", null));

        await Requests.ReadAsync<IndexResponse>(await client.PostAsync("/index", Requests.IndexForm([(Query, Photos.Get(Query))])));
        var back = await Requests.ReadAsync<LiveGalleryResponse>(await client.PostAsync($"/galleries/{UpgradeModels.Teacher}/live", null));
        var found = await SearchAsync(client);

        Assert.Equal((UpgradeModels.Teacher, UpgradeModels.NextTeacher), (back.Teacher, back.Previous));
        Assert.Equal((UpgradeModels.Teacher, Query), (found.Models.Gallery, found.Results[0].Id));
    }

    [Fact]
    public async Task Query_models_of_the_gallery_that_is_not_live_are_refused_with_codes_that_say_why()
    {
        await using var factory = await ApiFactory.CreateAsync(models.Settings());
        using var client = await factory.CreateClientAsync();
        var galleries = factory.Services.GetRequiredService<Galleries>();
        await galleries.Current.Indexing.IndexAsync(Items(Photos.All.Take(2)), CancellationToken.None);
        await galleries.Next!.Indexing.IndexAsync(Items(Photos.All.Take(2)), CancellationToken.None);

        var early = await Requests.SearchAsync(client, Photos.Get(Query), $"?model={UpgradeModels.NextStudent}");
        var unknown = await client.PostAsync("/galleries/teacher-from-nowhere/live", null);
        var unnamedVector = await client.PostAsync("/search", Requests.AsJson(new { embedding = new float[512], k = 1 }));
        var misspelt = await client.PostAsync($"/galleries/{UpgradeModels.NextTeacher}/live?frm={UpgradeModels.Teacher}", null);
        var stillLive = await Requests.ReadAsync<ModelsResponse>(await client.GetAsync("/models"));
        using var searchOnly = await factory.CreateClientAsync("search");
        var forbidden = await searchOnly.PostAsync($"/galleries/{UpgradeModels.NextTeacher}/live", null);
        await Requests.ReadAsync<LiveGalleryResponse>(await client.PostAsync($"/galleries/{UpgradeModels.NextTeacher}/live", null));
        var again = await Requests.ReadAsync<LiveGalleryResponse>(await client.PostAsync($"/galleries/{UpgradeModels.NextTeacher}/live", null));
        var late = await Requests.SearchAsync(client, Photos.Get(Query), $"?model={UpgradeModels.Student}");
        var listed = await Requests.ReadAsync<ModelsResponse>(await client.GetAsync("/models"));
        var download = await client.GetAsync($"/models/{UpgradeModels.Student}");

        Assert.Contains(UpgradeModels.Student, ProblemAssert.Detail(await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict, "model-not-live")), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest, "unknown-teacher");
        await ProblemAssert.IsProblemAsync(misspelt, HttpStatusCode.BadRequest, "unknown-field");
        Assert.Contains("must name the query model", ProblemAssert.Detail(
            await ProblemAssert.IsProblemAsync(unnamedVector, HttpStatusCode.BadRequest, "invalid-embedding")), StringComparison.Ordinal);
        Assert.Equal(UpgradeModels.Teacher, stillLive.Teacher.Id);
        await ProblemAssert.IsProblemAsync(forbidden, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal((UpgradeModels.NextTeacher, UpgradeModels.Teacher), (again.Teacher, again.Previous));
        Assert.Contains($"use '{UpgradeModels.NextStudent}'", ProblemAssert.Detail(await ProblemAssert.IsProblemAsync(late, HttpStatusCode.Gone, "model-retired")), StringComparison.Ordinal);
        Assert.Equal(UpgradeModels.NextTeacher, listed.Teacher.Id);
        Assert.Equal([UpgradeModels.NextStudent], listed.Students.Select(s => s.Id));
        Assert.Equal([(UpgradeModels.Teacher, false), (UpgradeModels.NextTeacher, true)], listed.Galleries.Select(g => (g.Teacher, g.Live)));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task Other_instances_follow_a_switch_and_one_that_cannot_serve_the_new_gallery_answers_503_and_a_new_one_refuses_to_start()
    {
        await using var first = await ApiFactory.CreateAsync(models.Settings());
        using var client = await first.CreateClientAsync();
        var galleries = first.Services.GetRequiredService<Galleries>();
        await galleries.Current.Indexing.IndexAsync(Items(Photos.All.Take(3)), CancellationToken.None);
        await galleries.Next!.Indexing.IndexAsync(Items(Photos.All.Take(3)), CancellationToken.None);
        await using var second = await ApiFactory.CreateAsync(new Dictionary<string, string?>(models.Settings()) { ["GalleryStore:Schema"] = first.Schema });
        using var secondClient = await second.CreateClientAsync();
        var currentOnlySettings = new Dictionary<string, string?>(models.Settings(upgrading: false)) { ["GalleryStore:Schema"] = first.Schema };
        await using var currentOnly = await ApiFactory.CreateAsync(currentOnlySettings);
        using var currentOnlyClient = await currentOnly.CreateClientAsync();

        var beforeSwitch = await SearchAsync(secondClient);
        var conflict = await client.PostAsync($"/galleries/{UpgradeModels.NextTeacher}/live?from={UpgradeModels.NextTeacher}", null);
        await Requests.ReadAsync<LiveGalleryResponse>(await client.PostAsync($"/galleries/{UpgradeModels.NextTeacher}/live?from={UpgradeModels.Teacher}", null));
        var followed = await WaitForGalleryAsync(secondClient, UpgradeModels.NextTeacher);
        var unserved = await WaitForStatusAsync(currentOnlyClient, HttpStatusCode.ServiceUnavailable);
        var unready = await currentOnlyClient.GetAsync("/health/ready");
        await using var upgraded = await ApiFactory.CreateAsync(new Dictionary<string, string?>(models.Settings(upgrading: false))
        {
            ["GalleryStore:Schema"] = first.Schema,
            ["Models:Teacher"] = UpgradeModels.NextTeacher,
            ["Models:Student"] = UpgradeModels.NextStudent,
        });
        var restarted = await SearchAsync(await upgraded.CreateClientAsync());
        await using var stale = await ApiFactory.CreateAsync(currentOnlySettings);
        var refusal = Assert.ThrowsAny<Exception>(() => stale.Services.GetRequiredService<Galleries>());

        Assert.Equal(UpgradeModels.Teacher, beforeSwitch.Models.Gallery);
        await ProblemAssert.IsProblemAsync(conflict, HttpStatusCode.Conflict, "switch-conflict");
        Assert.Equal(UpgradeModels.NextTeacher, followed.Models.Gallery);
        Assert.Contains(UpgradeModels.NextTeacher, ProblemAssert.Detail(await ProblemAssert.IsProblemAsync(unserved, HttpStatusCode.ServiceUnavailable, "gallery-not-served")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
        Assert.Equal(UpgradeModels.NextTeacher, restarted.Models.Gallery);
        Assert.Contains($"the live gallery (schema '{first.Schema}') is the teacher '{UpgradeModels.NextTeacher}'", refusal.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => models.Dispose();

    private static List<IndexItem> Items(IEnumerable<(string Id, byte[] Bytes)> photos) =>
        [.. photos.Select(p => new IndexItem(p.Id, IndexContent.FromBytes(p.Bytes), $"photos/{p.Id}", null))];

    private static async Task<SearchResponse> SearchAsync(HttpClient client) =>
        await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(client, Photos.Get(Query), "?k=10"));

    private static async Task SearchContinuouslyAsync(
        HttpClient client, int id, ConcurrentQueue<(int, HttpStatusCode, SearchResponse?)> answers, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var response = await Requests.SearchAsync(client, Photos.Get(Query), "?k=10");
            answers.Enqueue((id, response.StatusCode, response.IsSuccessStatusCode ? await Requests.ReadAsync<SearchResponse>(response) : null));
        }
    }

    private static void AssertSameAnswer(SearchResponse expected, SearchResponse actual)
    {
        Assert.Equal(expected.Models, actual.Models);
        Assert.Equal(expected.Results.Select(r => r.Id), actual.Results.Select(r => r.Id));
        // Micro-batching may embed a query in a batch of two, which moves the last digits of a score.
        Assert.All(expected.Results.Zip(actual.Results), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 1e-3));
    }

    private static async Task<UpgradeProgress> WaitForProgressAsync(HttpClient client, Func<UpgradeProgress, bool> done)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var models = await Requests.ReadAsync<ModelsResponse>(await client.GetAsync("/models"));
            if (models.Galleries.Single(g => g.Teacher == UpgradeModels.NextTeacher).Upgrade is { } progress && done(progress))
            {
                return progress;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("GET /models never showed the expected progress.");
    }

    private static async Task WaitForAnswersAsync(ConcurrentQueue<(int, HttpStatusCode, SearchResponse? Body)> answers, string gallery, int count)
    {
        for (var attempt = 0; attempt < 600 && answers.Count(a => a.Body?.Models.Gallery == gallery) < count; attempt++)
        {
            await Task.Delay(50);
        }
    }

    private static async Task<HttpResponseMessage> WaitForStatusAsync(HttpClient client, HttpStatusCode status)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var response = await Requests.SearchAsync(client, Photos.Get(Query), "?k=10");
            if (response.StatusCode == status)
            {
                return response;
            }
            response.Dispose();
            await Task.Delay(50);
        }
        throw new TimeoutException($"The instance never answered {status}.");
    }

    private static async Task<SearchResponse> WaitForGalleryAsync(HttpClient client, string gallery)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var answer = await SearchAsync(client);
            if (answer.Models.Gallery == gallery)
            {
                return answer;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The instance never answered from the '{gallery}' gallery.");
    }
}
