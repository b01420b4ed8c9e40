using TrainingHub.SharedKernel.Events;
using TrainingHub.SharedKernel.Privacy;

namespace TrainingHub.Wellbeing.Contracts;

/// <summary>A scale's score a person chose to share, named in both languages so that the receiver needs no instrument.</summary>
/// <param name="High">Whether the instrument marks the score as high (a flag for attention, never a diagnosis).</param>
public sealed record SharedScore(string Scale, string NameUk, string NameEn, decimal Score, bool High);

/// <summary>
/// After a check-in with a high score, a person asked their supervisor for a supportive conversation. Published with the
/// person's record of asking, so the request reaches supervision even when it is unreachable at that moment.
/// </summary>
/// <param name="Scores">The person's latest scores, only when they ticked to share them; null otherwise.</param>
/// <param name="Note">What the person wrote for their supervisor, if anything.</param>
/// <remarks>Sensitive data: once delivered, the outbox keeps nothing of it.</remarks>
[IntegrationEvent("Wellbeing.ConversationRequested")]
[SensitiveData]
public sealed record ConversationRequested(Guid RequestId, Guid PersonId, IReadOnlyList<SharedScore>? Scores, string? Note, DateTimeOffset RequestedAt)
{
    public const int MaxNoteLength = 500;
}

/// <summary>
/// The person deleted the answers of the round whose scores they shared with a request (or the answers passed the
/// retention period): the shared copy of those scores is to go too. The request and its note stay.
/// </summary>
[IntegrationEvent("Wellbeing.SharedScoresWithdrawn")]
[SensitiveData]
public sealed record SharedScoresWithdrawn(Guid RequestId);
