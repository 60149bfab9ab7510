global using RetrievalService.Indexer;
