using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Pathways.Templates;

/// <summary>What an editor fills in for a stage.</summary>
internal sealed class StageInput
{
    public string? NameUk { get; set; }

    public string? NameEn { get; set; }

    /// <summary>The code of the position type the stage leads to; empty where it changes nothing.</summary>
    public string? PositionTypeCode { get; set; }

    /// <summary>Months the stage's certificate is valid; empty where it does not expire.</summary>
    public int? CertificateValidMonths { get; set; }

    /// <summary>Hours of professional development renewing the certificate asks; empty where it asks none.</summary>
    public decimal? RenewalCpdHours { get; set; }

    /// <summary>The refresher course renewing the certificate asks; empty where it asks none.</summary>
    public Guid? RenewalCourseId { get; set; }

    /// <summary>Hours of professional development a year asked of those on the stage; empty where their position's apply.</summary>
    public int? CpdHoursPerYear { get; set; }
}

/// <summary>What a stage's fields are checked against: the position types' codes and the courses the learning module knows (by id).</summary>
internal sealed record StageCatalog(IReadOnlySet<string> PositionTypes, IReadOnlyDictionary<Guid, CourseReference> Courses);

/// <summary>Who stands where on a template: people on each stage (by position) and the stages pending requests ask for.</summary>
internal sealed record StageUse(IReadOnlyDictionary<int, int> PeopleOn, IReadOnlySet<int> AskedFor)
{
    public static StageUse None { get; } = new(new Dictionary<int, int>(), new HashSet<int>());

    public int People(int position) => PeopleOn.GetValueOrDefault(position);
}

/// <summary>
/// How stage positions changed: old position to new, null for a stage removed; positions not named stay as they were.
/// Placements and what hangs on them name a stage by its position, so they are renumbered alike.
/// </summary>
internal sealed record StageRenumbering(IReadOnlyDictionary<int, int?> Moves)
{
    public static StageRenumbering None { get; } = new(new Dictionary<int, int?>());

    public bool Any => Moves.Count > 0;

    public int? Map(int position) => Moves.TryGetValue(position, out var to) ? to : position;
}

/*
 * The stages of a template in use. A placement, the sign-offs given towards a stage, the stages a person reached and
 * the progression requests all name a stage by its position, not by its id. So every change of positions maps old
 * positions to new ones (StageRenumbering) and the caller renumbers those records in the same transaction: each keeps
 * pointing at the same stage.
 *
 * - Adding a stage before others moves the later ones (and the people on them) one down: people keep their stage, and
 *   one added behind them is not asked of them.
 * - Removing a stage moves the later ones up; it is refused while anyone is on it (they would be left nowhere).
 * - Moving a stage swaps it with its neighbour; this is refused when anyone is on either of the two. Renumbering would
 *   keep them on their stage, but the order around them would flip: someone on the earlier stage would find the later
 *   one, never met, suddenly behind them, and someone on the later one would have to meet again the one they passed.
 *   People on other stages are not touched: both stages are behind them, or both ahead.
 * - A change that gives someone a different next stage while they wait on a request for it is refused until the request
 *   is decided, since the request (and the requirements it was judged on) was for the other stage.
 * Certificates keep their own copy of the stage's name as printed, but are renumbered too, so that a certificate's badge
 * class and its renewal stay with the stage it was issued for; one of a removed stage is numbered below zero (no stage).
 */
internal sealed partial class PathwayTemplate
{
    private IEnumerable<PathwayStage> Ordered => Stages.OrderBy(s => s.Position);

    /// <summary>Adds a stage at a position (1 for the first), or at the end without one.</summary>
    public Result<StageRenumbering> AddStage(StageInput input, int? at, StageCatalog catalog, StageUse use)
    {
        if (Stages.Count >= MaxStages)
        {
            return Error.Validation("Position", "Templates:Error:TooManyStages", MaxStages);
        }
        var position = at ?? Stages.Count + 1;
        if (position < 1 || position > Stages.Count + 1)
        {
            return Error.Validation("Position", "Templates:Error:NoSuchPlace");
        }
        if (!StageFields(input, catalog, kept: null).TryGetValue(out var fields, out var error))
        {
            return error;
        }
        if (position <= Stages.Count && use.AskedFor.Contains(position))
        {
            return Error.Rule("Templates:Error:RequestPending");
        }
        var moves = Stages.Where(s => s.Position >= position).ToDictionary(s => s.Position, s => (int?)s.Position + 1);
        foreach (var later in Stages.Where(s => s.Position >= position))
        {
            later.Position++;
        }
        Stages.Add(new PathwayStage
        {
            TemplateId = Id, Position = position, NameUk = fields.Uk, NameEn = fields.En, PositionTypeCode = fields.PositionTypeCode,
            CertificateValidMonths = fields.Months, RenewalCpdHours = fields.Renewal.CpdHours, RenewalCourseId = fields.Renewal.CourseId,
            CpdHoursPerYear = fields.CpdHours,
        });
        return new StageRenumbering(moves);
    }

    /// <summary>
    /// Changes a stage's names, the position it leads to, how long its certificate is valid, what renewing it asks and the
    /// professional development it asks a year.
    /// </summary>
    public Result EditStage(Guid stageId, StageInput input, StageCatalog catalog)
    {
        if (Stages.FirstOrDefault(s => s.Id == stageId) is not { } stage)
        {
            return Error.NotFound;
        }
        if (!StageFields(input, catalog, kept: stage.RenewalCourseId).TryGetValue(out var fields, out var error))
        {
            return error;
        }
        (stage.NameUk, stage.NameEn, stage.PositionTypeCode, stage.CertificateValidMonths) = (fields.Uk, fields.En, fields.PositionTypeCode, fields.Months);
        (stage.RenewalCpdHours, stage.RenewalCourseId) = (fields.Renewal.CpdHours, fields.Renewal.CourseId);
        stage.CpdHoursPerYear = fields.CpdHours;
        return Result.Success();
    }

    /// <summary>Swaps a stage with the one before it (<paramref name="by"/> −1) or after it (+1).</summary>
    public Result<StageRenumbering> MoveStage(Guid stageId, int by, StageUse use)
    {
        if (Stages.FirstOrDefault(s => s.Id == stageId) is not { } stage)
        {
            return Error.NotFound;
        }
        if (by is not (-1 or 1) || Stages.FirstOrDefault(s => s.Position == stage.Position + by) is not { } other)
        {
            return Error.Rule("Templates:Error:CannotMove");
        }
        var (first, second) = by < 0 ? (other, stage) : (stage, other);
        if (use.People(first.Position) + use.People(second.Position) is > 0 and var people)
        {
            return Error.Validation("Stage", "Templates:Error:MoveInUse", people);
        }
        if (use.AskedFor.Contains(first.Position))
        {
            return Error.Rule("Templates:Error:RequestPending");
        }
        var moves = new Dictionary<int, int?> { [first.Position] = second.Position, [second.Position] = first.Position };
        (first.Position, second.Position) = (second.Position, first.Position);
        return new StageRenumbering(moves);
    }

    /// <summary>Removes a stage nobody is on; the later ones move up.</summary>
    public Result<StageRenumbering> RemoveStage(Guid stageId, StageUse use)
    {
        if (Stages.FirstOrDefault(s => s.Id == stageId) is not { } stage)
        {
            return Error.NotFound;
        }
        if (use.People(stage.Position) is > 0 and var people)
        {
            return Error.Validation("Stage", "Templates:Error:StageInUse", people);
        }
        if (use.AskedFor.Contains(stage.Position))
        {
            return Error.Rule("Templates:Error:RequestPending");
        }
        var moves = new Dictionary<int, int?> { [stage.Position] = null };
        Stages.Remove(stage);
        foreach (var later in Ordered.Where(s => s.Position > stage.Position))
        {
            moves[later.Position] = later.Position - 1;
            later.Position--;
        }
        return new StageRenumbering(moves);
    }

    /// <summary>Sets what a stage asks for, checked against what the other modules know (see <see cref="RequirementRules"/>).</summary>
    public Result SetRequirements(Guid stageId, Requirement requirements, RequirementCatalog catalog)
    {
        if (Stages.FirstOrDefault(s => s.Id == stageId) is not { } stage)
        {
            return Error.NotFound;
        }
        var errors = RequirementRules.Check(requirements, catalog, stage.Requirements);
        var json = PathwayStage.Write(requirements);
        if (errors.Count == 0 && json.Length > PathwayStage.MaxRequirementsLength)
        {
            errors = [new FieldError(RequirementRules.FieldOf([]), "Templates:Error:TooManyParts", RequirementRules.MaxParts)];
        }
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        stage.RequirementsJson = json;
        return Result.Success();
    }

    /// <summary>
    /// The fields checked. Renewal asks for something only of a certificate that expires; its course must be published and
    /// still offered when chosen, while one the stage already names (<paramref name="kept"/>) stays even if it has gone
    /// since: holders then see it flagged, never met, until another is chosen.
    /// </summary>
    private static Result<(string Uk, string En, string? PositionTypeCode, int? Months, RenewalRequirement Renewal, int? CpdHours)> StageFields(
        StageInput input, StageCatalog catalog, Guid? kept)
    {
        var errors = new List<FieldError>();
        var (uk, en) = Names(input.NameUk, input.NameEn, errors);
        var code = string.IsNullOrWhiteSpace(input.PositionTypeCode) ? null : input.PositionTypeCode.Trim();
        if (code is not null && !catalog.PositionTypes.Contains(code))
        {
            errors.Add(new FieldError(nameof(StageInput.PositionTypeCode), "Templates:Error:NoSuchPositionType"));
        }
        if (input.CertificateValidMonths is < 1 or > MaxValidMonths)
        {
            errors.Add(new FieldError(nameof(StageInput.CertificateValidMonths), "Templates:Error:ValidMonths", MaxValidMonths));
        }
        if (input.RenewalCpdHours is <= 0 or > RenewalRequirement.MaxCpdHours)
        {
            errors.Add(new FieldError(nameof(StageInput.RenewalCpdHours), "Templates:Error:RenewalHours", RenewalRequirement.MaxCpdHours));
        }
        else if (input.RenewalCpdHours is not null && input.CertificateValidMonths is null)
        {
            errors.Add(new FieldError(nameof(StageInput.RenewalCpdHours), "Templates:Error:RenewalWithoutExpiry"));
        }
        if (input.RenewalCourseId is { } course && course != kept)
        {
            if (catalog.Courses.GetValueOrDefault(course) is not { } found)
            {
                errors.Add(new FieldError(nameof(StageInput.RenewalCourseId), "Templates:Error:NoSuchCourse"));
            }
            else if (found.Archived)
            {
                errors.Add(new FieldError(nameof(StageInput.RenewalCourseId), "Templates:Error:CourseArchived", found.Title));
            }
        }
        if (input.RenewalCourseId is not null && input.CertificateValidMonths is null)
        {
            errors.Add(new FieldError(nameof(StageInput.RenewalCourseId), "Templates:Error:RenewalWithoutExpiry"));
        }
        if (input.CpdHoursPerYear is < 1 or > PathwayStage.MaxCpdHoursPerYear)
        {
            errors.Add(new FieldError(nameof(StageInput.CpdHoursPerYear), "Templates:Error:CpdHours", PathwayStage.MaxCpdHoursPerYear));
        }
        return errors.Count > 0
            ? Error.Validation(errors)
            : (uk, en, code, input.CertificateValidMonths, new RenewalRequirement(input.RenewalCpdHours, input.RenewalCourseId), input.CpdHoursPerYear);
    }
}
