using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using RetrievalService.Indexer.Hosting;
using RetrievalService.Storage.Keys;

namespace RetrievalService.Indexer.Commands;

/// <summary>
/// <c>keys create | list | revoke</c>: the API's keys. <c>create</c> prints the key alone on stdout, the only time it is
/// ever shown (<c>KEY=$(indexer keys create --name app --scopes search)</c>); the database keeps only its hash.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(IReadOnlyDictionary<string, string?> configuration) =>
        new("keys", "Create, list and revoke the API's keys (scopes: search, index, admin).")
        {
            CreateCommand(configuration),
            ListCommand(configuration),
            RevokeCommand(configuration),
        };

    private static Command CreateCommand(IReadOnlyDictionary<string, string?> configuration)
    {
        var common = new CommonOptions();
        var name = new Option<string>("--name") { Description = "Who holds the key and what for, e.g. 'mobile app 2.x'.", Required = true };
        var scopes = new Option<string>("--scopes") { Description = "Comma-separated: search, index, admin.", DefaultValueFactory = _ => ApiKeyScopes.Search };
        var command = new Command("create", "Create a key; prints it once on stdout (keep it: only its hash is stored).") { name, scopes };
        common.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(common, parse, configuration, async (keys, token) =>
        {
            var (key, secret) = await keys.CreateAsync(parse.GetValue(name)!, ApiKeyScopes.Parse(parse.GetValue(scopes)!), token);
            Console.WriteLine(secret.Token);
            Console.Error.WriteLine($"indexer: created key {key.Id} '{key.Name}' with scopes {string.Join(",", key.Scopes)}; it is not shown again.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command ListCommand(IReadOnlyDictionary<string, string?> configuration)
    {
        var common = new CommonOptions();
        var command = new Command("list", "Every key (never its secret): id, name, scopes, created, revoked.");
        common.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(common, parse, configuration, async (keys, token) =>
        {
            Console.WriteLine("id\tname\tscopes\tcreated\trevoked");
            foreach (var key in await keys.ListAsync(token))
            {
                Console.WriteLine($"{key.Id}\t{key.Name}\t{string.Join(",", key.Scopes)}\t{key.CreatedAt:O}\t{key.RevokedAt?.ToString("O") ?? "-"}");
            }
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command RevokeCommand(IReadOnlyDictionary<string, string?> configuration)
    {
        var common = new CommonOptions();
        var id = new Argument<string>("id") { Description = "The key's id (the 12 hex digits after rsk_, as 'keys list' shows it)." };
        var command = new Command("revoke", "Revoke a key; the API refuses it within Api:Auth:KeyCacheSeconds.") { id };
        common.AddTo(command);
        command.SetAction((parse, ct) => RunAsync(common, parse, configuration, async (keys, token) =>
        {
            var keyId = parse.GetValue(id)!;
            if (!await keys.RevokeAsync(keyId, token))
            {
                return IndexerErrors.Fail(ExitCodes.InputError, $"no active key has id '{keyId}' ('keys list' shows them).");
            }
            Console.Error.WriteLine($"indexer: revoked key {keyId}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Task<int> RunAsync(
        CommonOptions common, ParseResult parse, IReadOnlyDictionary<string, string?> configuration,
        Func<ApiKeyStore, CancellationToken, Task<int>> body, CancellationToken ct) =>
        IndexerHost.RunAsync(common.Configuration(parse, configuration), parse.GetValue(common.Verbose), async (services, token) =>
        {
            try
            {
                return await body(services.GetRequiredService<ApiKeyStore>(), token);
            }
            catch (InvalidApiKeyRequestException e)
            {
                return IndexerErrors.Fail(ExitCodes.InputError, e.Message);
            }
        }, ct);
}
