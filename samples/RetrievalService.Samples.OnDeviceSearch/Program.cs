using RetrievalService.Samples.OnDeviceSearch;

// on-device-search --url http://localhost:8080 --key rsk_… [--model <id>] [--k 5] [--cache <dir>] <photo>
return await OnDeviceSearch.RunAsync(args, Console.Out, Console.Error);
