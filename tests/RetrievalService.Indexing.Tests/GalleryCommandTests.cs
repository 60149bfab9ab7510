using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RetrievalService.Indexing.Tests.Infrastructure;
using RetrievalService.Storage;
using RetrievalService.Storage.Model;

namespace RetrievalService.Indexing.Tests;

/// <summary>
/// <c>indexer gallery status | switch | drop</c> as an operator runs them (a child process). The galleries are filled
/// through the store with small vectors: what is under test is the CLI, not the teacher.
/// </summary>
public sealed class GalleryCommandTests : IsolatedTest
{
    private const string Live = "teacher-a";
    private const string Complete = "teacher-b";
    private const string Incomplete = "teacher-c";

    [Fact]
    public async Task Status_compares_every_other_gallery_with_the_live_one()
    {
        await FillGalleriesAsync(declareLive: true);

        var (exit, text, _) = await Runner.RunChildAsync("gallery", "status");
        var (jsonExit, json, _) = await Runner.RunChildAsync("gallery", "status", "--json");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (exit, jsonExit));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"live: {Live} since ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("(previous: none)", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{Live}\t3\t-\t-\t-\t-\tlive\t-", lines[2]);
        Assert.Equal($"{Complete}\t3\t3\t0\t0\t0\tyes\t-", lines[3]);
        Assert.Equal($"{Incomplete}\t3\t1\t1\t1\t1\tno\tmissing 'z'; stale 'y'; extra 'w'", lines[4]);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(Live, document.RootElement.GetProperty("live").GetProperty("model").GetString());
        var galleries = document.RootElement.GetProperty("galleries").EnumerateArray().ToDictionary(g => g.GetProperty("model").GetString()!);
        Assert.Equal(JsonValueKind.Null, galleries[Live].GetProperty("comparison").ValueKind);
        Assert.True(galleries[Complete].GetProperty("comparison").GetProperty("complete").GetBoolean());
        var incomplete = galleries[Incomplete].GetProperty("comparison");
        Assert.False(incomplete.GetProperty("complete").GetBoolean());
        Assert.Equal((3, 1, 1), (incomplete.GetProperty("liveItems").GetInt32(), incomplete.GetProperty("matching").GetInt32(), incomplete.GetProperty("missing").GetInt32()));
        Assert.Equal("z", Assert.Single(incomplete.GetProperty("missingIds").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Status_without_a_live_gallery_says_so_and_lists_the_galleries_with_their_counts()
    {
        await FillGalleriesAsync(declareLive: false);

        var (exit, text, _) = await Runner.RunChildAsync("gallery", "status");

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("live: none; ", lines[0], StringComparison.Ordinal);
        Assert.Contains("the API declares", lines[0], StringComparison.Ordinal);
        Assert.Equal([$"{Live}\t3", $"{Complete}\t3", $"{Incomplete}\t3"], lines[2..].Select(l => string.Join('\t', l.Split('\t')[..2])));
    }

    [Fact]
    public async Task A_switch_to_an_incomplete_gallery_exits_5_naming_the_missing_ids_and_switches_nothing()
    {
        await FillGalleriesAsync(declareLive: true);

        var (exit, stdout, stderr) = await Runner.RunChildAsync("gallery", "switch", Incomplete);

        Assert.Equal(ExitCodes.GalleryIncomplete, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("indexer: ", stderr, StringComparison.Ordinal);
        Assert.Contains("1 missing (e.g. 'z')", stderr, StringComparison.Ordinal);
        Assert.Contains("'y'", stderr, StringComparison.Ordinal);
        Assert.Contains("'w'", stderr, StringComparison.Ordinal);
        Assert.Equal(Live, (await LiveAsync())?.ModelId);
    }

    [Fact]
    public async Task A_switch_to_a_complete_gallery_makes_it_live_and_a_second_one_says_it_already_is()
    {
        await FillGalleriesAsync(declareLive: true);

        var (exit, stdout, _) = await Runner.RunChildAsync("gallery", "switch", Complete);
        var live = await LiveAsync();
        var (againExit, againStdout, againStderr) = await Runner.RunChildAsync("gallery", "switch", Complete);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(Complete, stdout.Trim());
        Assert.Equal((Complete, Live), (live?.ModelId, live?.PreviousModelId));
        Assert.Equal((ExitCodes.Ok, Complete), (againExit, againStdout.Trim()));
        Assert.Contains("already live", againStderr, StringComparison.Ordinal);
        Assert.Equal(live, await LiveAsync());
    }

    [Fact]
    public async Task A_switch_before_any_gallery_is_declared_live_exits_2_and_says_the_API_declares_it()
    {
        await FillGalleriesAsync(declareLive: false);

        var (exit, _, stderr) = await Runner.RunChildAsync("gallery", "switch", Complete);

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("no live gallery is declared yet", stderr, StringComparison.Ordinal);
        Assert.Null(await LiveAsync());
    }

    [Theory]
    [InlineData("switch")]
    [InlineData("drop", "--yes")]
    public async Task An_unknown_teacher_exits_2_saying_no_gallery_is_registered_for_it(params string[] command)
    {
        await FillGalleriesAsync(declareLive: true);

        var (exit, _, stderr) = await Runner.RunChildAsync(["gallery", command[0], "teacher-nobody", .. command[1..]]);

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.StartsWith("indexer: No gallery is registered for model 'teacher-nobody'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_drop_without_yes_is_refused_and_keeps_the_gallery()
    {
        await FillGalleriesAsync(declareLive: true);

        var (exit, stdout, stderr) = await Runner.RunChildAsync("gallery", "drop", Incomplete);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(stdout);
        Assert.Contains("--yes", stderr, StringComparison.Ordinal);
        Assert.Contains(Incomplete, await StatsModelsAsync());
    }

    [Fact]
    public async Task A_drop_of_the_live_gallery_is_refused_even_with_yes()
    {
        await FillGalleriesAsync(declareLive: true);

        var (exit, _, stderr) = await Runner.RunChildAsync("gallery", "drop", Live, "--yes");

        Assert.Equal(ExitCodes.InputError, exit);
        Assert.StartsWith($"indexer: The '{Live}' gallery is live; switch", stderr, StringComparison.Ordinal);
        Assert.Contains(Live, await StatsModelsAsync());
    }

    [Fact]
    public async Task A_drop_with_yes_prints_the_images_dropped_and_stats_no_longer_lists_the_gallery()
    {
        await FillGalleriesAsync(declareLive: true);

        var (exit, stdout, _) = await Runner.RunChildAsync("gallery", "drop", Incomplete, "--yes");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("3", stdout.Trim());
        Assert.Equal([Live, Complete], await StatsModelsAsync());
    }

    // teacher-a holds x, y, z; teacher-b the same images; teacher-c lacks z, holds y with other content, and adds w.
    private async Task FillGalleriesAsync(bool declareLive)
    {
        await using var store = await StoreAsync();
        await store.RegisterModelAsync(Live, 4);
        await store.RegisterModelAsync(Complete, 8);
        await store.RegisterModelAsync(Incomplete, 4);
        await store.UpsertManyAsync(Live, [Item("x", 4, 0), Item("y", 4, 1), Item("z", 4, 2)]);
        await store.UpsertManyAsync(Complete, [Item("x", 8, 0), Item("y", 8, 1), Item("z", 8, 2)]);
        await store.UpsertManyAsync(Incomplete, [Item("x", 4, 0), Item("y", 4, 1, content: "retouched"), Item("w", 4, 3)]);
        if (declareLive)
        {
            await store.DeclareLiveGalleryAsync(Live);
        }
    }

    private async Task<LiveGallery?> LiveAsync()
    {
        await using var store = await StoreAsync();
        return await store.GetLiveGalleryAsync();
    }

    private async Task<string[]> StatsModelsAsync()
    {
        var (exit, stdout, _) = await Runner.RunChildAsync("stats", "--json");
        Assert.Equal(ExitCodes.Ok, exit);
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.EnumerateArray().Select(m => m.GetProperty("model").GetString()!).ToArray();
    }

    private async Task<GalleryStore> StoreAsync() =>
        GalleryStore.Create(new GalleryStoreOptions { ConnectionString = await TestDatabase.ConnectionStringAsync(), Schema = Schema });

    private static GalleryItem Item(string id, int dimension, int hot, string content = "")
    {
        var embedding = new float[dimension];
        embedding[hot] = 1;
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id + content)));
        return new GalleryItem(id, sha256, $"photos/{id}.jpg", null, embedding);
    }
}
