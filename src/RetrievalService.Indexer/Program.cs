using RetrievalService.Indexer;

return await IndexerApp.RunAsync(args);
