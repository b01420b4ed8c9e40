using TrainingHub.Pathways.Progress;
using TrainingHub.SharedKernel.Auditing;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Progression;

internal enum RequestStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>
/// A request that a person move on to their next stage, asked by the person or their supervisor once everything the
/// stage asks for is met, and decided by a coordinator: approved (the person moves on) or declined with a reason.
/// </summary>
internal sealed class ProgressionRequest : IHasVersion, IAuditedInUnit
{
    public const int MaxTextLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PlacementId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The person's home unit when asked, which decides which coordinators decide.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>The stage asked for.</summary>
    public int ToStage { get; set; }

    public Guid RequestedById { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string? Note { get; set; }

    public RequestStatus Status { get; set; }

    public Guid? DecidedById { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why it was declined.</summary>
    public string? Reason { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    Guid? IAuditedInUnit.AuditUnitId => UnitId;

    /// <summary>Asks for the next stage of a placement that meets all it asks for, with an optional note for the coordinator.</summary>
    public static Result<ProgressionRequest> Ask(Placement placement, int stages, bool requirementsMet, string? note, Guid by, DateTimeOffset now)
    {
        if (placement.Stage >= stages)
        {
            return Error.Rule("Placement:Error:LastStage");
        }
        if (!requirementsMet)
        {
            return Error.Rule("Progression:Error:NotMet");
        }
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxTextLength)
        {
            return Error.Validation(nameof(Note), "Progression:Error:TooLong", MaxTextLength);
        }
        return new ProgressionRequest
        {
            PlacementId = placement.Id, PersonId = placement.PersonId, UnitId = placement.UnitId, ToStage = placement.Stage + 1, RequestedById = by,
            RequestedAt = now, Note = note, Status = RequestStatus.Pending,
        };
    }

    /// <summary>Approves a pending request whose requirements are still met, for the stage the person has not yet reached.</summary>
    public Result Approve(Placement placement, bool requirementsMet, Guid by, DateTimeOffset now)
    {
        if (Decided() is { } decided)
        {
            return decided;
        }
        if (placement.Id != PlacementId || placement.Stage != ToStage - 1)
        {
            return Error.Rule("Progression:Error:StageMoved");
        }
        if (!requirementsMet)
        {
            return Error.Rule("Progression:Error:NoLongerMet");
        }
        Status = RequestStatus.Approved;
        DecidedById = by;
        DecidedAt = now;
        return Result.Success();
    }

    /// <summary>Declines a pending request, with a reason the person is shown.</summary>
    public Result Decline(string? reason, Guid by, DateTimeOffset now)
    {
        if (Decided() is { } decided)
        {
            return decided;
        }
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Error.Validation(nameof(Reason), "Progression:Error:ReasonRequired");
        }
        if (reason.Length > MaxTextLength)
        {
            return Error.Validation(nameof(Reason), "Progression:Error:TooLong", MaxTextLength);
        }
        Status = RequestStatus.Declined;
        Reason = reason;
        DecidedById = by;
        DecidedAt = now;
        return Result.Success();
    }

    private Error? Decided() => Status != RequestStatus.Pending ? Error.Rule("Progression:Error:AlreadyDecided") : null;
}
