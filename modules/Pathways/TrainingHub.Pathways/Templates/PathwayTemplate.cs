using System.Text.Json;
using System.Text.RegularExpressions;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Templates;

/// <summary>A route from one role to another: its stages in order, each with what it asks for.</summary>
internal sealed partial class PathwayTemplate : IHasVersion
{
    public const int MaxCodeLength = 60;

    public const int MaxNameLength = 200;

    public const int MaxStages = 30;

    public const int MaxValidMonths = 120;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>A stable name for code and exports, such as <c>volunteer-to-social-worker</c>.</summary>
    public required string Code { get; set; }

    public required string NameUk { get; set; }

    public required string NameEn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<PathwayStage> Stages { get; set; } = [];

    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;

    /// <summary>
    /// A new template without stages: its code lowercase letters and digits in words joined by hyphens (it appears in
    /// addresses and exports), its names in both languages. Whether the code is free is for the caller to check.
    /// </summary>
    public static Result<PathwayTemplate> Create(TemplateInput input, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var code = (input.Code ?? "").Trim();
        if (code.Length == 0)
        {
            errors.Add(new FieldError(nameof(TemplateInput.Code), "Templates:Error:CodeRequired"));
        }
        else if (code.Length > MaxCodeLength)
        {
            errors.Add(new FieldError(nameof(TemplateInput.Code), "Templates:Error:TooLong", MaxCodeLength));
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors.Add(new FieldError(nameof(TemplateInput.Code), "Templates:Error:CodeFormat"));
        }
        var (uk, en) = Names(input.NameUk, input.NameEn, errors);
        return errors.Count > 0 ? Error.Validation(errors) : new PathwayTemplate { Code = code, NameUk = uk, NameEn = en, CreatedAt = now };
    }

    /// <summary>Names the template anew in both languages; its code stays, as addresses and certificates use it.</summary>
    public Result Rename(TemplateInput input)
    {
        var errors = new List<FieldError>();
        var (uk, en) = Names(input.NameUk, input.NameEn, errors);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        (NameUk, NameEn) = (uk, en);
        return Result.Success();
    }

    /// <summary>Both names, trimmed, required and within the length.</summary>
    internal static (string Uk, string En) Names(string? nameUk, string? nameEn, List<FieldError> errors)
    {
        string Name(string? value, string field)
        {
            var name = (value ?? "").Trim();
            if (name.Length == 0)
            {
                errors.Add(new FieldError(field, "Templates:Error:NameRequired"));
            }
            else if (name.Length > MaxNameLength)
            {
                errors.Add(new FieldError(field, "Templates:Error:TooLong", MaxNameLength));
            }
            return name;
        }
        return (Name(nameUk, nameof(TemplateInput.NameUk)), Name(nameEn, nameof(TemplateInput.NameEn)));
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}

/// <summary>What an editor fills in for a template: the code only when creating it.</summary>
internal sealed class TemplateInput
{
    public string? Code { get; set; }

    public string? NameUk { get; set; }

    public string? NameEn { get; set; }
}

/// <summary>
/// One stage of a pathway: where it stands in the order, the position type it leads to (if any), how long its
/// certificate is valid (if it expires) and what renewing it asks, the professional development it asks a year (if any),
/// and its requirements as a tree stored as JSON.
/// </summary>
internal sealed class PathwayStage
{
    /// <summary>The longest requirement tree stored, as JSON (the column's length).</summary>
    public const int MaxRequirementsLength = 20_000;

    /// <summary>The most hours of professional development a year a stage asks, as a position's qualification characteristics.</summary>
    public const int MaxCpdHoursPerYear = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid TemplateId { get; set; }

    /// <summary>1 for the first stage, 2 for the next…</summary>
    public int Position { get; set; }

    public required string NameUk { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The position type (by code) a person reaching this stage takes; null where it changes nothing.</summary>
    public string? PositionTypeCode { get; set; }

    /// <summary>Months the stage's certificate is valid; null where it does not expire.</summary>
    public int? CertificateValidMonths { get; set; }

    /// <summary>Hours of professional development renewing the certificate asks; null where it asks none.</summary>
    public decimal? RenewalCpdHours { get; set; }

    /// <summary>A refresher course (of the learning module) renewing the certificate asks; null where it asks none.</summary>
    public Guid? RenewalCourseId { get; set; }

    public RenewalRequirement Renewal => new(RenewalCpdHours, RenewalCourseId);

    /// <summary>
    /// Hours of professional development a year asked of those on the stage, in place of what their position asks; null
    /// where the position's hours apply. The competency areas are still the position's. A stage asks in hours only: credits
    /// are a position's convention (its qualification characteristics say how many hours one is), and a stage's people may
    /// hold different positions.
    /// </summary>
    public int? CpdHoursPerYear { get; set; }

    public string RequirementsJson { get; set; } = Write(new AllOf([]));

    public string Name => Cultures.ReadsEnglish ? NameEn : NameUk;

    public Requirement Requirements => JsonSerializer.Deserialize<Requirement>(RequirementsJson, JsonSerializerOptions.Web) ?? new AllOf([]);

    public static string Write(Requirement requirement) => JsonSerializer.Serialize(requirement, JsonSerializerOptions.Web);
}
