using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Wellbeing.Support;

/// <summary>
/// A person's record that they asked their supervisor for a supportive conversation after a round: one per round, so
/// they see that they asked and when, and cannot ask twice. It is theirs alone; what they asked with (their note, their
/// scores if shared) travels in the event to supervision and is not kept here.
/// </summary>
[SensitiveData]
internal sealed class ConversationRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    /// <summary>The round whose scores led to the offer.</summary>
    public Guid RoundId { get; set; }

    public bool SharedScores { get; set; }

    public DateTimeOffset RequestedAt { get; set; }
}
