using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.SharedKernel.Api;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Supervision.Mentoring;

/// <summary>
/// A mentoring pair as the API gives it: the two, their period, how the caller stands to it, its goals and its mentoring
/// meetings (whose logs the sessions API opens). The end review stays on the pair's page.
/// </summary>
internal sealed record PairResponse(
    Guid Id, Guid MentorId, string MentorName, Guid MenteeId, string MenteeName, DateOnly StartsOn, DateOnly? EndsOn, bool Current,
    PairReader Reader, IReadOnlyList<GoalView> Goals, IReadOnlyList<PairMeeting> Meetings)
{
    public static PairResponse From(PairView pair) => new(
        pair.AssignmentId, pair.MentorId, pair.MentorName, pair.MenteeId, pair.MenteeName, pair.StartsOn, pair.EndsOn, pair.Current, pair.Reader,
        pair.Goals, pair.Meetings);
}

/// <summary>A goal closed: <c>Achieved</c> (by either of the pair) or <c>Dropped</c> (by the mentor, with a reason).</summary>
internal sealed record GoalStatusChange(GoalStatus? Status, string? Reason);

/// <summary>Mentoring pairs and their goals through the API, with the same rules as the mentoring pages.</summary>
internal static class MentoringApi
{
    public static void MapMentoringApi(this IEndpointRouteBuilder endpoints)
    {
        var mentoring = endpoints.MapApi("Supervision");
        mentoring.MapGet("/supervision/mentoring", MineAsync)
            .RequireAuthorization(SupervisionPermissions.SessionsView)
            .WithName("ListMentoringPairs").WithSummary("Your mentoring pairs, as mentor or mentee")
            .WithDescription("Current pairs first, then those ended, latest first; each with its goals and mentoring meetings.")
            .Produces<IReadOnlyList<PairResponse>>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        mentoring.MapGet("/supervision/mentoring/{id:guid}", OpenAsync)
            .RequireAuthorization(SupervisionPermissions.SessionsView)
            .WithName("GetMentoringPair").WithSummary("One mentoring pair")
            .WithDescription("For the mentor and the mentee, and for coordinators of the pair's unit, who read only (`reader` says which).")
            .Produces<PairResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        mentoring.MapPost("/supervision/mentoring/{id:guid}/goals", ProposeAsync)
            .RequireAuthorization(SupervisionPermissions.SessionsView)
            .WithName("ProposeMentoringGoal").WithSummary("Propose a goal")
            .WithDescription("Either of a current pair proposes a goal (`text`, an optional `targetOn` that has not passed); it is open from then on. Answers its id.")
            .Produces<Guid>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        mentoring.MapPut("/supervision/mentoring/goals/{id:guid}/status", CloseAsync)
            .RequireAuthorization(SupervisionPermissions.SessionsView)
            .WithName("CloseMentoringGoal").WithSummary("Mark an open goal achieved or drop it")
            .WithDescription("`status` is `Achieved` (either of the pair) or `Dropped` (the mentor only, with a `reason` the mentee reads). "
                + "An achieved or dropped goal stays as it is, so a second change is refused; an ended pair's goals no longer change.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> MineAsync(MentoringPairs pairs, CancellationToken cancellationToken) =>
        TypedResults.Ok((await pairs.MineAsync(cancellationToken)).Select(PairResponse.From).ToList());

    private static async Task<IResult> OpenAsync(Guid id, MentoringPairs pairs, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await pairs.OpenAsync(id, cancellationToken)).ToHttpResult(localizer, PairResponse.From);

    private static async Task<IResult> ProposeAsync(
        Guid id, GoalInput input, MentoringPairs pairs, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await pairs.ProposeAsync(id, input, cancellationToken)).ToHttpResult(localizer, goalId => goalId);

    private static async Task<IResult> CloseAsync(
        Guid id, GoalStatusChange change, MentoringPairs pairs, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken)
    {
        var result = change.Status switch
        {
            GoalStatus.Achieved => await pairs.AchieveAsync(id, cancellationToken),
            GoalStatus.Dropped => await pairs.DropAsync(id, change.Reason, cancellationToken),
            _ => Error.Validation(nameof(GoalStatusChange.Status), "Mentoring:Error:UnknownStatus"),
        };
        return result.Failed(out var error) ? error.ToProblem(localizer) : TypedResults.NoContent();
    }
}
