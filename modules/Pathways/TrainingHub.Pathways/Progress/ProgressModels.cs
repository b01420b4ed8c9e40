using TrainingHub.Pathways.Progression;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.Pathways.Progress;

internal enum StageState
{
    Passed,
    Current,
    Next,
    Later,
}

internal sealed record StageLine(int Position, string Name, StageState State);

internal sealed record SignOffLine(string Role, DateTimeOffset SignedAt);

/// <summary>Where a person stands on their pathway, and what the next stage asks for judged against what they have done.</summary>
/// <param name="Next">The next stage's requirements judged; null when the person is not placed or is at the last stage.</param>
/// <param name="RolesToSign">Roles the next stage asks to sign off that the current user may sign in, not signed yet.</param>
/// <param name="ActivityNames">Activity types by id, in both languages, for requirements naming one.</param>
/// <param name="Request">The latest request to move on to the next stage, if any.</param>
/// <param name="MayRequest">Whether the current user may ask for the person's progression (the person or their supervisor).</param>
internal sealed record ProgressView(
    Guid PersonId,
    string PersonName,
    bool IsMine,
    Guid? PlacementId,
    string? TemplateName,
    IReadOnlyList<StageLine> Stages,
    DateOnly? StageSince,
    RequirementResult? Next,
    IReadOnlyList<SignOffLine> SignOffs,
    IReadOnlyList<string> RolesToSign,
    IReadOnlyDictionary<Guid, (string Uk, string En)> ActivityNames,
    Guid? Version,
    RequestState? Request = null,
    bool MayRequest = false)
{
    /// <summary>A request towards the next stage is waiting for a coordinator.</summary>
    public bool Pending => Request?.Status == RequestStatus.Pending;

    /// <summary>Asking is offered once everything is met and nothing is waiting.</summary>
    public bool CanAsk => MayRequest && Ready && !Pending;

    public bool Placed => PlacementId is not null;

    public StageLine? Current => Stages.FirstOrDefault(s => s.State == StageState.Current);

    public StageLine? NextStage => Stages.FirstOrDefault(s => s.State == StageState.Next);

    public bool Ready => Next?.Met == true;

    public string ActivityName(Guid id) =>
        ActivityNames.TryGetValue(id, out var names) ? (Cultures.ReadsEnglish ? names.En : names.Uk) : "?";
}

/// <summary>A person placed on a pathway, as the list of people shows them.</summary>
internal sealed record PlacedPerson(Guid PersonId, string FullName, string TemplateName, int Stage, string StageName, DateOnly StageSince, bool? Ready, bool AtLastStage);

/// <summary>A pathway to place people on, with its stages' names in order.</summary>
internal sealed record PathwayChoice(string Code, string Name, IReadOnlyList<string> Stages);

/// <summary>What a coordinator fills in to place someone on a pathway.</summary>
internal sealed class PlaceInput
{
    public Guid? PersonId { get; set; }

    public string? TemplateCode { get; set; }

    public int Stage { get; set; } = 1;

    public DateOnly? Since { get; set; }
}
