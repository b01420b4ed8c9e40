using System.Text.Json;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Privacy;
using TrainingHub.Wellbeing.Contracts;

namespace TrainingHub.Supervision.Support;

/// <summary>
/// A supervisee asked their supervisor for a supportive conversation after a wellbeing check-in. Addressed to the one who
/// supervised them when it arrived and seen by that supervisor alone; it carries the person's scores only when they chose
/// to share them. It stays open until the supervisor marks it handled.
/// </summary>
[SensitiveData]
internal sealed class SupportRequest
{
    public const int MaxScoresLength = 2000;

    /// <summary>The request's id as the person's check-in gave it, so a second delivery cannot add it again.</summary>
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid SupervisorId { get; set; }

    public string? Note { get; set; }

    /// <summary>The scores the person shared, as JSON; null when they shared none.</summary>
    public string? Scores { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public bool IsOpen => HandledAt is null;

    public static SupportRequest Receive(ConversationRequested requested, Guid supervisorId) => new()
    {
        Id = requested.RequestId,
        PersonId = requested.PersonId,
        SupervisorId = supervisorId,
        Note = requested.Note,
        Scores = requested.Scores is { Count: > 0 } scores ? JsonSerializer.Serialize(scores, JsonSerializerOptions.Web) : null,
        RequestedAt = requested.RequestedAt.ToUniversalTime(),
    };

    public IReadOnlyList<SharedScore>? ReadScores() =>
        Scores is null ? null : JsonSerializer.Deserialize<List<SharedScore>>(Scores, JsonSerializerOptions.Web);

    /// <summary>The person deleted the answers behind the scores they shared: the copy here goes too.</summary>
    public void WithdrawScores() => Scores = null;

    /// <summary>The supervisor has talked with the person, or arranged to: the request leaves the open ones.</summary>
    public Result Close(DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Rule("SupportRequests:Error:AlreadyHandled");
        }
        HandledAt = now;
        return Result.Success();
    }
}
