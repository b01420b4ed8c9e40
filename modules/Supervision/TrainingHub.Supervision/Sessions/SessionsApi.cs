using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.SharedKernel.Api;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Supervision.Sessions;

/// <summary>A meeting as the API gives it; <see cref="Leading"/> when the caller leads it.</summary>
internal sealed record SessionItem(
    Guid Id, SessionKind Kind, DateTimeOffset StartsAt, int DurationMinutes, string? Place, string? VideoLink, SessionStatus Status,
    string? CancelReason, string LeaderName, IReadOnlyList<ParticipantChoice> Participants, bool Leading, Guid Version);

/// <summary>The caller's meetings, with the same rules as the meetings page.</summary>
internal static class SessionsApi
{
    public static void MapSessionsApi(this IEndpointRouteBuilder endpoints)
    {
        var sessions = endpoints.MapApi("Supervision");
        sessions.MapGet("/supervision/sessions", ListAsync)
            .RequireAuthorization(SupervisionPermissions.SessionsView)
            .WithName("ListSupervisionSessions")
            .WithSummary("Your supervision, coaching and mentoring meetings")
            .WithDescription("Those to come (under way included) by start, or with `past=true` those that have ended, latest first. Times are UTC.")
            .Produces<IReadOnlyList<SessionItem>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ListAsync(bool? past, SessionPlanner planner, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await planner.MineAsync(past ?? false, cancellationToken)).ToHttpResult(localizer, rows => rows.Select(r => new SessionItem(
            r.Id, r.Kind, r.StartsAt, r.DurationMinutes, r.Place, r.VideoLink, r.Status, r.CancelReason, r.LeaderName, r.Participants, r.Leading, r.Version)).ToList());
}
