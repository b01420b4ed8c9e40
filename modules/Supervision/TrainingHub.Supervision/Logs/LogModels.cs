using TrainingHub.Supervision.Sessions;

namespace TrainingHub.Supervision.Logs;

/// <summary>How the reader stands to a log: one of its two parties, or a coordinator reading it without the private note.</summary>
internal enum LogReader
{
    Leader,
    Person,
    Coordinator,
}

/// <summary>A session log as its reader may see it; <see cref="PrivateNote"/> is null for anyone but the two parties.</summary>
internal sealed record LogView(
    Guid Id, Guid SessionId, SessionKind Kind, DateTimeOffset StartsAt, int DurationMinutes, Guid LeaderId, string LeaderName, Guid PersonId,
    string PersonName, LogReader Reader, SupervisionFunctions Functions, string? Topics, string? Cases, string? PrivateNote, string? Reflection,
    DateTimeOffset? LeaderSignedAt, DateTimeOffset? PersonSignedAt, Guid Version, IReadOnlyList<ActionView> Actions,
    IReadOnlyList<AddendumView> Addenda)
{
    public bool Locked => LeaderSignedAt is not null && PersonSignedAt is not null;

    public bool Editable => !Locked && Reader != LogReader.Coordinator;

    /// <summary>Whether the reader has still to sign it.</summary>
    public bool AwaitsMySignature => !Locked && (Reader == LogReader.Leader ? LeaderSignedAt is null : Reader == LogReader.Person && PersonSignedAt is null);
}

internal sealed record ActionView(Guid Id, string Text, Guid OwnerId, string OwnerName, DateOnly? DueOn, DateTimeOffset? DoneAt);

internal sealed record AddendumView(string AuthorName, DateTimeOffset WrittenAt, string Text);

/// <summary>The form for an agreed action.</summary>
internal sealed class ActionInput
{
    public string? Text { get; set; }

    public Guid OwnerId { get; set; }

    public DateOnly? DueOn { get; set; }
}

/// <summary>A log the signed-in person still has to sign, for their home page.</summary>
internal sealed record LogToSign(Guid SessionId, Guid PersonId, SessionKind Kind, DateTimeOffset StartsAt, string OtherName);

/// <summary>An open agreed action of the signed-in person, or of someone they lead.</summary>
internal sealed record OpenAction(Guid Id, Guid SessionId, Guid PersonId, string Text, string OwnerName, DateOnly? DueOn, bool Mine);
