using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.SharedKernel.Api;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Logs;

/// <summary>
/// A session log as the API gives it: never the private supportive note, which stays on the two parties' pages.
/// <see cref="Version"/> is what a signature must name.
/// </summary>
internal sealed record LogResponse(
    Guid Id, Guid SessionId, SessionKind Kind, DateTimeOffset StartsAt, int DurationMinutes, Guid LeaderId, string LeaderName, Guid PersonId,
    string PersonName, LogReader Reader, SupervisionFunctions Functions, string? Topics, string? Cases, string? Reflection,
    DateTimeOffset? LeaderSignedAt, DateTimeOffset? PersonSignedAt, bool Locked, Guid Version, IReadOnlyList<ActionView> Actions,
    IReadOnlyList<AddendumView> Addenda);

/// <summary>A new text for one part of a log.</summary>
internal sealed record LogPartChange(string? Text);

/// <summary>A signature on the log as read at <see cref="Version"/>.</summary>
internal sealed record LogSignature(Guid Version);

/// <summary>The new version of a log after a change.</summary>
internal sealed record LogVersion(Guid Version);

/// <summary>Writing, signing and reading session logs and their actions, with the same rules as the log page.</summary>
internal static class LogsApi
{
    /// <summary>The parts the API writes; the private note is not among them.</summary>
    private static readonly Dictionary<string, LogField> Parts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["topics"] = LogField.Topics, ["cases"] = LogField.Cases, ["reflection"] = LogField.Reflection,
    };

    public static void MapLogsApi(this IEndpointRouteBuilder endpoints)
    {
        var logs = endpoints.MapApi("Supervision");
        logs.MapGet("/supervision/sessions/{sessionId:guid}/logs/{personId:guid}", GetAsync)
            .RequireAuthorization(SupervisionPermissions.SessionsView)
            .WithName("GetSessionLog")
            .WithSummary("The log of one participant's meeting")
            .WithDescription("Started when one of the two parties first reads it once the meeting has begun. Coordinators of the area read it too. Never holds the private note.")
            .Produces<LogResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        logs.MapPut("/supervision/logs/{id:guid}/parts/{part}", WriteAsync)
            .RequireAuthorization(SupervisionPermissions.SessionsView)
            .WithName("WriteSessionLogPart")
            .WithSummary("Write one part of a draft log")
            .WithDescription("`part` is `topics` or `cases` (the leader) or `reflection` (the supervisee). A change takes away its writer's signature, and the leader's also the supervisee's.")
            .Produces<LogVersion>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        logs.MapPost("/supervision/logs/{id:guid}/signature", SignAsync)
            .RequireAuthorization(SupervisionPermissions.SessionsView)
            .WithName("SignSessionLog")
            .WithSummary("Sign a log as read")
            .WithDescription("Answers 409 when the log changed since `version`: read it again before signing. The second signature locks the log.")
            .Produces<LogVersion>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        logs.MapGet("/supervision/actions", ActionsAsync)
            .RequireAuthorization(SupervisionPermissions.SessionsView)
            .WithName("ListOpenActions")
            .WithSummary("Open agreed actions")
            .WithDescription("Those you own, and those agreed in meetings you led, the earliest due first.")
            .Produces<IReadOnlyList<OpenAction>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        logs.MapPost("/supervision/actions/{id:guid}/done", CompleteAsync)
            .RequireAuthorization(SupervisionPermissions.SessionsView)
            .WithName("CompleteAction")
            .WithSummary("Mark an agreed action done")
            .WithDescription("By its owner or the meeting's leader, also once the log is locked.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetAsync(
        Guid sessionId, Guid personId, LogBook book, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await book.OpenAsync(sessionId, personId, cancellationToken)).ToHttpResult(localizer, log => new LogResponse(
            log.Id, log.SessionId, log.Kind, log.StartsAt, log.DurationMinutes, log.LeaderId, log.LeaderName, log.PersonId, log.PersonName, log.Reader,
            log.Functions, log.Topics, log.Cases, log.Reflection, log.LeaderSignedAt, log.PersonSignedAt, log.Locked, log.Version, log.Actions, log.Addenda));

    private static async Task<IResult> WriteAsync(
        Guid id, string part, LogPartChange change, LogBook book, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken)
    {
        if (!Parts.TryGetValue(part, out var field))
        {
            return Error.Validation("part", "Logs:Error:UnknownPart").ToProblem(localizer);
        }
        return (await book.WriteAsync(id, field, change.Text, cancellationToken)).ToHttpResult(localizer, version => new LogVersion(version));
    }

    private static async Task<IResult> SignAsync(
        Guid id, LogSignature signature, LogBook book, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await book.SignAsync(id, signature.Version, cancellationToken)).ToHttpResult(localizer, version => new LogVersion(version));

    private static async Task<IResult> ActionsAsync(LogBook book, CancellationToken cancellationToken) =>
        TypedResults.Ok(await book.OpenActionsAsync(cancellationToken));

    private static async Task<IResult> CompleteAsync(Guid id, LogBook book, IStringLocalizer<SupervisionResource> localizer, CancellationToken cancellationToken) =>
        (await book.CompleteActionAsync(id, cancellationToken)).Failed(out var error) ? error.ToProblem(localizer) : TypedResults.NoContent();
}
