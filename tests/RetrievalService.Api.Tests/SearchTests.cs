using System.Net;
using RetrievalService.Embedding.Manifests;
using RetrievalService.Api.Configuration;
using RetrievalService.Api.Endpoints;
using RetrievalService.Api.Tests.Infrastructure;

namespace RetrievalService.Api.Tests;

[Collection(GalleryCollection.Name)]
public sealed class SearchTests(GalleryFixture gallery)
{
    private HttpClient Client => gallery.Client;

    [Fact]
    public async Task Asymmetric_search_ranks_the_indexed_original_of_a_cropped_and_rescaled_view_first()
    {
        var ranks = new Dictionary<string, int>();
        foreach (var (id, photo) in Photos.All)
        {
            var view = TestImages.CropAndRescale(photo, keep: 0.8, scale: 0.6);
            var result = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, view, "?k=3"));
            Assert.Equal(SearchMode.Asymmetric, result.Mode);
            ranks[id] = result.Results.Select(r => r.Id).ToList().IndexOf(id) + 1;
        }

        // The default query model, the teacher's int8 copy, puts all 10 originals first (measured 2026-12-07); the small
        // MobileNetV2 student put 8 of 10 first, grace-hopper 2nd and chelsea 3rd.
        var report = string.Join(", ", ranks.Select(pair => $"{pair.Key}: {pair.Value}"));
        Assert.True(ranks.Values.Count(rank => rank == 1) >= 10, $"ranks of the originals: {report}");
    }

    [Fact]
    public async Task Symmetric_search_finds_the_original_of_the_view_the_small_student_confuses()
    {
        var view = TestImages.CropAndRescale(Photos.Get("grace-hopper"), keep: 0.8, scale: 0.6);

        var result = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, view, "?k=1&mode=symmetric"));

        Assert.Equal("grace-hopper", result.Results[0].Id);
    }

    [Fact]
    public async Task Asymmetric_search_names_the_student_and_the_teacher_and_reports_timings()
    {
        var result = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("coffee")));

        Assert.Equal(new SearchModels(new ModelsOptions().Student, "teacher-resnet18-gem"), result.Models);
        Assert.Equal(10, result.K);
        Assert.Equal(10, result.Results.Count);
        Assert.Equal(result.Results.OrderByDescending(r => r.Score).Select(r => r.Id), result.Results.Select(r => r.Id));
        Assert.Equal("coffee", result.Results[0].Metadata["name"]!.GetValue<string>());
        Assert.All([result.Timings.DecodeMs, result.Timings.EmbedMs, result.Timings.SearchMs], t => Assert.True(t > 0));
        Assert.True(result.Timings.TotalMs >= result.Timings.DecodeMs + result.Timings.EmbedMs + result.Timings.SearchMs - 0.01);
    }

    [Fact]
    public async Task Symmetric_search_embeds_the_query_with_the_teacher_and_finds_the_identical_image_with_score_one()
    {
        // expand=0: a plain k-NN search, whose score is the cosine to the query itself.
        var result = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("rocket"), "?mode=symmetric&k=1&expand=0"));

        Assert.Equal(new SearchModels("teacher-resnet18-gem", "teacher-resnet18-gem"), result.Models);
        Assert.Equal("rocket", Assert.Single(result.Results).Id);
        Assert.InRange(result.Results[0].Score, 0.999, 1.0001);
        Assert.Null(result.Expansion);
    }

    [Fact]
    public async Task Query_expansion_is_off_by_default_and_when_asked_for_is_reported_and_moves_the_query()
    {
        var plain = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("rocket"), "?mode=symmetric&k=5"));

        var expanded = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("rocket"), "?mode=symmetric&k=5&expand=3"));

        Assert.Null(plain.Expansion);

        Assert.Equal(new SearchExpansion(Neighbours: 3, Used: 3, Alpha: 3), expanded.Expansion);
        Assert.Equal("rocket", expanded.Results[0].Id);
        // The identical image folded into the query with weight 1 keeps it on top; the two other neighbours pull the
        // query off it a little, and towards themselves.
        Assert.InRange(expanded.Results[0].Score, 0.9, 0.99999);
        var (second, third) = (plain.Results[1].Id, plain.Results[2].Id);
        Assert.True(Score(expanded, second) > Score(plain, second), $"{second} was folded into the query, so it must score higher");
        Assert.True(Score(expanded, third) > Score(plain, third), $"{third} was folded into the query, so it must score higher");
    }

    [Fact]
    public async Task Query_expansion_takes_its_neighbours_from_the_filtered_images_only()
    {
        var filter = Uri.EscapeDataString("""{"kind":"animal"}""");

        var result = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("fruits"), $"?k=10&expand=5&filter={filter}"));

        Assert.Equal(new SearchExpansion(Neighbours: 5, Used: GalleryFixture.Animals.Length, Alpha: 3), result.Expansion);
        Assert.Equal(GalleryFixture.Animals.Order(), result.Results.Select(r => r.Id).Order());
    }

    private static double Score(SearchResponse response, string id) => response.Results.Single(r => r.Id == id).Score;

    [Fact]
    public async Task A_raw_image_body_gives_the_same_results_as_the_multipart_field()
    {
        var image = TestImages.CropAndRescale(Photos.Get("home"), 0.9, 0.5);

        var multipart = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, image, "?k=5"));
        var raw = await Requests.ReadAsync<SearchResponse>(await Client.PostAsync("/search?k=5", Requests.Raw(image, "image/jpeg")));

        Assert.Equal(multipart.Results.Select(r => r.Id), raw.Results.Select(r => r.Id));
        Assert.Equal(multipart.Results[0].Score, raw.Results[0].Score, 5);
    }

    [Fact]
    public async Task A_metadata_filter_returns_only_images_whose_metadata_contains_it()
    {
        var filter = Uri.EscapeDataString("""{"kind":"animal"}""");

        var result = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("fruits"), $"?k=10&filter={filter}"));

        Assert.Equal(GalleryFixture.Animals.Order(), result.Results.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task K_mode_filter_and_expand_may_be_sent_as_form_fields_with_the_multipart_image()
    {
        var form = Requests.SearchForm(Photos.Get("chelsea"));
        form.Add(new StringContent("2"), "k");
        form.Add(new StringContent("symmetric"), "mode");
        form.Add(new StringContent("""{"kind":"animal"}"""), "filter");
        form.Add(new StringContent("2"), "expand");

        var result = await Requests.ReadAsync<SearchResponse>(await Client.PostAsync("/search", form));

        Assert.Equal(SearchMode.Symmetric, result.Mode);
        Assert.Equal(2, result.Results.Count);
        Assert.Equal("chelsea", result.Results[0].Id);
        Assert.Equal(2, result.Expansion!.Neighbours);
    }

    [Fact]
    public async Task A_filter_that_matches_nothing_returns_an_empty_list_not_an_error()
    {
        var filter = Uri.EscapeDataString("""{"kind":"spaceship"}""");

        var result = await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, Photos.Get("fruits"), $"?filter={filter}"));

        Assert.Empty(result.Results);
    }

    [Fact]
    public async Task Concurrent_searches_all_succeed_with_the_same_answers_as_one_at_a_time()
    {
        var queries = Photos.All.Take(6).Select(p => TestImages.CropAndRescale(p.Bytes, 0.85, 0.5)).ToList();
        var sequential = new List<string>();
        foreach (var query in queries)
        {
            sequential.Add((await Requests.ReadAsync<SearchResponse>(await Requests.SearchAsync(Client, query, "?k=1"))).Results[0].Id);
        }

        var responses = await Task.WhenAll(queries.Select(q => Requests.SearchAsync(Client, q, "?k=1")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var concurrent = new List<string>();
        foreach (var response in responses)
        {
            concurrent.Add((await Requests.ReadAsync<SearchResponse>(response)).Results[0].Id);
        }
        Assert.Equal(sequential, concurrent);
    }
}
