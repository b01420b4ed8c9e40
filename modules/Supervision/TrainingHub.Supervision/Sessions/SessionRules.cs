using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Supervision.Sessions;

/// <summary>When, how long and where a meeting may be.</summary>
internal sealed class SessionTimes
{
    public DateTimeOffset? StartsAt { get; set; }

    public int? DurationMinutes { get; set; } = 90;

    public string? Place { get; set; }

    public string? VideoLink { get; set; }
}

internal static class SessionRules
{
    public const int MinDurationMinutes = 15;

    /// <summary>A working day: a longer meeting is a typing mistake rather than supervision.</summary>
    public const int MaxDurationMinutes = 480;

    public const int MaxPlaceLength = 200;

    public const int MaxLinkLength = 500;

    public const int MaxReasonLength = 500;

    /// <summary>A group meeting may be led for at most this many supervisees at once.</summary>
    public const int MaxGroupSize = 12;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static List<FieldError> CheckTimes(SessionTimes times)
    {
        var errors = new List<FieldError>();
        if (times.StartsAt is null)
        {
            errors.Add(new(nameof(SessionTimes.StartsAt), "Sessions:Error:ChooseStart"));
        }
        if (times.DurationMinutes is not (>= MinDurationMinutes and <= MaxDurationMinutes))
        {
            errors.Add(new(nameof(SessionTimes.DurationMinutes), "Sessions:Error:Duration"));
        }
        if (Clean(times.Place) is { Length: > MaxPlaceLength })
        {
            errors.Add(new(nameof(SessionTimes.Place), "Sessions:Error:PlaceTooLong"));
        }
        if (Clean(times.VideoLink) is { } link
            && (link.Length > MaxLinkLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new(nameof(SessionTimes.VideoLink), "Sessions:Error:VideoLink"));
        }
        return errors;
    }

    /// <summary>One person for a one-to-one meeting, two or more (up to <see cref="MaxGroupSize"/>) for a group.</summary>
    public static FieldError? CheckParticipants(SessionKind kind, IReadOnlyCollection<Guid> participants) =>
        kind == SessionKind.Group
            ? participants.Count is < 2 or > MaxGroupSize ? new("ParticipantIds", "Sessions:Error:GroupSize") : null
            : participants.Count != 1 ? new("ParticipantIds", "Sessions:Error:OnePerson") : null;
}
