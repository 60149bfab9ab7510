using RetrievalService.Api.Configuration;

namespace RetrievalService.Api.Http;

/// <summary>Registers the request limits and the inference slots (<see cref="InferenceSlots"/>).</summary>
public static class Admission
{
    /// <summary>Binds <see cref="ApiLimitsOptions"/> and registers <see cref="InferenceSlots"/> and <see cref="BodyMemory"/>.</summary>
    public static IServiceCollection AddInferenceAdmission(this IServiceCollection services)
    {
        services.AddOptions<ApiLimitsOptions>().BindConfiguration(ApiLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InferenceSlots>();
        services.AddSingleton<BodyMemory>();
        return services;
    }
}
