using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.SharedKernel.Api;
using TrainingHub.Wellbeing.Contracts;

namespace TrainingHub.Wellbeing.Instruments;

/// <summary>Answers to score: item code → the option's position as the questionnaire lists it (0 for the first).</summary>
internal sealed record ScoreRequest(IReadOnlyDictionary<string, int>? Answers);

/// <summary>Trying an instrument through the API: scores answers and stores nothing.</summary>
internal static class InstrumentsApi
{
    public static void MapInstrumentsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApi("Wellbeing");
        api.MapPost("/wellbeing/instruments/{code}/score", ScoreAsync)
            .RequireAuthorization(WellbeingPermissions.InstrumentsManage)
            .WithName("ScoreInstrument").WithSummary("Score a set of answers without storing them")
            .WithDescription("`answers` maps item codes (for the Copenhagen Burnout Inventory `personal.1`–`personal.6`, `work.1`–`work.7`, " +
                "`client.1`–`client.6`) to the position of the option chosen, 0 for the first (\"always\" / \"to a very high degree\") to 4 for " +
                "the last. Answers each scale's score (0–100), or a null score with the reason (`TooFewAnswers`, `NotAnswered`).")
            .Produces<IReadOnlyList<ScaleScore>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ScoreAsync(
        string code, ScoreRequest request, InstrumentCatalogue catalogue, IStringLocalizer<WellbeingResource> localizer, CancellationToken cancellationToken) =>
        (await catalogue.TryAsync(code, request.Answers ?? new Dictionary<string, int>(), cancellationToken)).ToHttpResult(localizer, scores => scores);
}
