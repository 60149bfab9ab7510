using RetrievalService.Trainer;

return await TrainerApp.RunAsync(args);
