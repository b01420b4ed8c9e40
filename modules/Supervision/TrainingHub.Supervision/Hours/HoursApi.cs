using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.SharedKernel.Api;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Supervision.Hours;

/// <summary>Entries to hand in for review, by id.</summary>
internal sealed record HoursSubmission(IReadOnlyList<Guid> EntryIds);

/// <summary>A review of one entry as read at <see cref="Version"/>; a rejection needs the reason.</summary>
internal sealed record HoursDecision(Guid Version, string? Reason);

/// <summary>Practice hours through the API, with the same rules as the hours pages.</summary>
internal static class HoursApi
{
    public static void MapHoursApi(this IEndpointRouteBuilder endpoints)
    {
        var hours = endpoints.MapApi("Supervision");
        hours.MapGet("/supervision/hours", MineAsync)
            .RequireAuthorization(SupervisionPermissions.HoursLog)
            .WithName("ListMyHours").WithSummary("Your practice hours")
            .WithDescription("Every entry of yours, in any state, optionally within `from`–`to` (dates, inclusive), latest first.")
            .Produces<IReadOnlyList<HoursRow>>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        hours.MapGet("/supervision/hours/totals", TotalsAsync)
            .RequireAuthorization(SupervisionPermissions.HoursLog)
            .WithName("MyHoursTotals").WithSummary("Your approved hours per activity type")
            .WithDescription("Only approved hours count, optionally within `from`–`to`.")
            .Produces<HoursTotals>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        hours.MapGet("/supervision/hours/requirement", ProgressAsync)
            .RequireAuthorization(SupervisionPermissions.HoursLog)
            .WithName("MyHoursRequirement").WithSummary("Your approved hours of this year against what your position asks")
            .WithDescription("From 1 January (Kyiv day) to today: a line for the hours in all (`activityTypeId` null), then one per activity type the position "
                + "asks for. No lines when your position asks for none; no `positionTypeId` when you have no position.")
            .Produces<HoursProgress>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        hours.MapGet("/supervision/hours/requirement/{personId:guid}", ProgressOfAsync)
            .RequireAuthorization(SupervisionPermissions.HoursReview)
            .WithName("HoursRequirementOf").WithSummary("A supervisee's approved hours of this year against what their position asks")
            .WithDescription("For the people whose hours you review (administrators: of their area); anyone else is not found.")
            .Produces<HoursProgress>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        hours.MapPost("/supervision/hours", LogAsync)
            .RequireAuthorization(SupervisionPermissions.HoursLog)
            .WithName("LogHours").WithSummary("Log hours as a draft")
            .WithDescription("Hours are more than 0 and at most 24 a day across your entries, for a day that has come.")
            .Produces<Guid>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        hours.MapPost("/supervision/hours/submission", SubmitAsync)
            .RequireAuthorization(SupervisionPermissions.HoursLog)
            .WithName("SubmitHours").WithSummary("Hand drafts in for review")
            .WithDescription("Answers how many of the entries named were handed in; entries not yours or not drafts are left as they are.")
            .Produces<int>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        hours.MapGet("/supervision/hours/review", WeeksAsync)
            .RequireAuthorization(SupervisionPermissions.HoursReview)
            .WithName("HoursToReview").WithSummary("Hours waiting for your signature")
            .WithDescription("Submitted entries of the people you supervise (administrators: of their area), per person and week.")
            .Produces<IReadOnlyList<ReviewWeek>>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        hours.MapPost("/supervision/hours/{id:guid}/approval", ApproveAsync)
            .RequireAuthorization(SupervisionPermissions.HoursReview)
            .WithName("ApproveHours").WithSummary("Approve an entry")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        hours.MapPost("/supervision/hours/{id:guid}/rejection", RejectAsync)
            .RequireAuthorization(SupervisionPermissions.HoursReview)
            .WithName("RejectHours").WithSummary("Reject an entry with a reason")
            .WithDescription("The entry goes back to its supervisee as a draft to correct, with the reason.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> MineAsync(DateOnly? from, DateOnly? to, HoursLog log, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await log.MineAsync(from, to, cancellationToken)).ToHttpResult(localizer, rows => rows);

    private static async Task<IResult> TotalsAsync(DateOnly? from, DateOnly? to, HoursLog log, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await log.TotalsAsync(from, to, cancellationToken)).ToHttpResult(localizer, totals => totals);

    private static async Task<IResult> ProgressAsync(HoursLog log, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await log.ProgressAsync(cancellationToken)).ToHttpResult(localizer, progress => progress);

    private static async Task<IResult> ProgressOfAsync(Guid personId, HoursReview review, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await review.ProgressAsync([personId], cancellationToken)).TryGetValue(out var progress, out var error)
            ? progress.TryGetValue(personId, out var theirs) ? TypedResults.Ok(theirs) : Error.NotFound.ToProblem(localizer)
            : error.ToProblem(localizer);

    private static async Task<IResult> LogAsync(HoursInput input, HoursLog log, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await log.LogAsync(input, cancellationToken)).ToHttpResult(localizer, id => id);

    private static async Task<IResult> SubmitAsync(HoursSubmission submission, HoursLog log, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await log.SubmitAsync(submission.EntryIds ?? [], cancellationToken)).ToHttpResult(localizer, count => count);

    private static async Task<IResult> WeeksAsync(HoursReview review, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await review.WeeksAsync(cancellationToken: cancellationToken)).ToHttpResult(localizer, weeks => weeks);

    private static async Task<IResult> ApproveAsync(Guid id, HoursDecision decision, HoursReview review, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        Answer(await review.ApproveAsync(id, decision.Version, cancellationToken), localizer);

    private static async Task<IResult> RejectAsync(Guid id, HoursDecision decision, HoursReview review, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        Answer(await review.RejectAsync(id, decision.Version, decision.Reason, cancellationToken), localizer);

    private static IResult Answer(Result result, IStringLocalizer localizer) =>
        result.Failed(out var error) ? error.ToProblem(localizer) : TypedResults.NoContent();
}
