using RetrievalService.Evaluator;

return await EvaluatorApp.RunAsync(args);
