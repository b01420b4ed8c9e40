using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Persistence;

namespace TrainingHub.Pathways.Qualifications;

/// <summary>
/// The qualification characteristics of a position type, in both languages: its duties, the education and the
/// experience it asks for, and the continuous professional development it asks for each year. The competency profile
/// and the supervision frequency come from their own modules.
/// </summary>
internal sealed class QualificationProfile : IHasVersion
{
    public const int MaxTextLength = 4000;
    public const int MaxCpdHours = 500;
    public const int MaxAreas = 10;
    public const int MaxHoursPerCredit = 60;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>A position type of the accounts module.</summary>
    public Guid PositionTypeId { get; set; }

    public string DutiesUk { get; set; } = "";

    public string DutiesEn { get; set; } = "";

    public string EducationUk { get; set; } = "";

    public string EducationEn { get; set; } = "";

    public string ExperienceUk { get; set; } = "";

    public string ExperienceEn { get; set; } = "";

    /// <summary>
    /// Hours of continuous professional development a year; null where none is asked. Where the editor asks in credits it
    /// is the credits times <see cref="HoursPerCredit"/>: everything is counted in hours, and only shown in credits.
    /// </summary>
    public int? CpdHoursPerYear { get; set; }

    /// <summary>How many hours one credit is, where the requirement is set in credits; null where it is set in hours.</summary>
    public int? HoursPerCredit { get; set; }

    /// <summary>Whether the yearly requirement was set, and is shown, in hours or in credits.</summary>
    public CpdUnit CpdUnit => HoursPerCredit is null ? CpdUnit.Hours : CpdUnit.Credits;

    /// <summary>The yearly requirement as set; null where none is asked.</summary>
    public CpdRequirement? Cpd => CpdHoursPerYear is { } hours ? new CpdRequirement(hours, HoursPerCredit) : null;

    /// <summary>The part of <see cref="CpdHoursPerYear"/> that must be in named competency areas.</summary>
    public List<AreaRequirement> Areas { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid UpdatedById { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Takes what an editor wrote: every text within its length, the yearly hours between 0 and 500 (or, in credits, more
    /// than 0 credits of 1 to 60 hours each, within 500 hours), and for each competency area (one of
    /// <paramref name="knownAreas"/>, named once) 1 to 500 hours, all of them within the yearly hours.
    /// </summary>
    public Result Write(QualificationInput input, IReadOnlySet<Guid> knownAreas, Guid by, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        string Text(string? value, string field)
        {
            var text = (value ?? "").Trim();
            if (text.Length > MaxTextLength)
            {
                errors.Add(new FieldError(field, "Qualifications:Error:TooLong", MaxTextLength));
            }
            return text;
        }
        var written = (
            Text(input.DutiesUk, nameof(input.DutiesUk)), Text(input.DutiesEn, nameof(input.DutiesEn)),
            Text(input.EducationUk, nameof(input.EducationUk)), Text(input.EducationEn, nameof(input.EducationEn)),
            Text(input.ExperienceUk, nameof(input.ExperienceUk)), Text(input.ExperienceEn, nameof(input.ExperienceEn)));
        var before = errors.Count;
        var (yearly, perCredit) = Yearly(input, errors);
        var yearlyChecked = errors.Count == before;
        if (written.Item1.Length == 0)
        {
            errors.Add(new FieldError(nameof(input.DutiesUk), "Qualifications:Error:DutiesRequired"));
        }
        var areas = WriteAreas(input, yearly ?? 0, yearlyChecked, knownAreas, errors);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }
        (DutiesUk, DutiesEn, EducationUk, EducationEn, ExperienceUk, ExperienceEn) = written;
        (CpdHoursPerYear, HoursPerCredit) = (yearly, perCredit);
        // Areas kept are changed in place, so that an area is never removed and added again in one save.
        Areas.RemoveAll(a => areas.All(w => w.AreaId != a.AreaId));
        foreach (var (areaId, hours) in areas)
        {
            if (Areas.Find(a => a.AreaId == areaId) is { } kept)
            {
                kept.Hours = hours;
            }
            else
            {
                Areas.Add(new AreaRequirement { ProfileId = Id, AreaId = areaId, Hours = hours });
            }
        }
        UpdatedAt = now;
        UpdatedById = by;
        return Result.Success();
    }

    /// <summary>The yearly hours asked and, in credits, the hours a credit is; checked.</summary>
    private static (int? Hours, int? HoursPerCredit) Yearly(QualificationInput input, List<FieldError> errors)
    {
        if (input.CpdUnit != CpdUnit.Credits)
        {
            if (input.CpdHoursPerYear is < 0 or > MaxCpdHours)
            {
                errors.Add(new FieldError(nameof(input.CpdHoursPerYear), "Qualifications:Error:CpdHours"));
            }
            return (input.CpdHoursPerYear, null);
        }
        if (input.HoursPerCredit is not (>= 1 and <= MaxHoursPerCredit))
        {
            errors.Add(new FieldError(nameof(input.HoursPerCredit), "Qualifications:Error:HoursPerCredit", MaxHoursPerCredit));
            return (null, null);
        }
        if (input.CpdCreditsPerYear is not (> 0 and var credits) || credits * input.HoursPerCredit > MaxCpdHours)
        {
            errors.Add(new FieldError(nameof(input.CpdCreditsPerYear), "Qualifications:Error:CpdCredits", MaxCpdHours / input.HoursPerCredit.Value));
            return (null, null);
        }
        return (credits * input.HoursPerCredit, input.HoursPerCredit);
    }

    /// <summary>The areas checked against the yearly <paramref name="total"/>; whether there is one is said only once the yearly value is right.</summary>
    private static List<(Guid AreaId, int Hours)> WriteAreas(
        QualificationInput input, int total, bool totalChecked, IReadOnlySet<Guid> knownAreas, List<FieldError> errors)
    {
        if (input.Areas.Count > MaxAreas)
        {
            errors.Add(new FieldError(nameof(input.Areas), "Qualifications:Error:TooManyAreas", MaxAreas));
        }
        else if (input.Areas.Count > 0 && total == 0 && totalChecked)
        {
            errors.Add(new FieldError(nameof(input.Areas), "Qualifications:Error:AreasWithoutTotal"));
        }
        var areas = new List<(Guid AreaId, int Hours)>();
        var rowOverTotal = false;
        for (var i = 0; i < input.Areas.Count; i++)
        {
            var (areaId, hours) = (input.Areas[i].AreaId, input.Areas[i].Hours);
            if (areaId is not { } id || !knownAreas.Contains(id))
            {
                errors.Add(new FieldError($"Areas[{i}].AreaId", "Qualifications:Error:AreaRequired"));
            }
            else if (areas.Any(a => a.AreaId == id))
            {
                errors.Add(new FieldError($"Areas[{i}].AreaId", "Qualifications:Error:AreaTwice"));
            }
            if (hours is not (>= 1 and <= MaxCpdHours))
            {
                errors.Add(new FieldError($"Areas[{i}].Hours", "Qualifications:Error:AreaHours", MaxCpdHours));
            }
            else if (total > 0 && hours > total)
            {
                rowOverTotal = true;
                errors.Add(new FieldError($"Areas[{i}].Hours", "Qualifications:Error:AreaOverTotal", total));
            }
            areas.Add((areaId ?? Guid.Empty, hours ?? 0));
        }
        // An area over the total says so on its row; the sum is worth a message only when each row fits alone.
        if (!rowOverTotal && total > 0 && areas.Sum(a => a.Hours) > total)
        {
            errors.Add(new FieldError(nameof(input.Areas), "Qualifications:Error:AreasOverTotal", areas.Sum(a => a.Hours), total));
        }
        return areas;
    }
}

/// <summary>
/// Hours of a position's yearly professional development that must be in one competency area. An area is a competency
/// of a published framework, named by its lineage so that it stays the same across framework versions. A framework's
/// grouping nodes were the other candidate, but courses, practice hours and evidence all map to competencies and nothing
/// maps to a group, so a course or a training counts in a competency without walking another module's tree; and the
/// demo framework's competencies (such as "Signs of abuse and neglect") are what people take training in.
/// </summary>
internal sealed class AreaRequirement
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ProfileId { get; set; }

    /// <summary>The competency's lineage id.</summary>
    public Guid AreaId { get; set; }

    public int Hours { get; set; }
}

/// <summary>What an editor fills in for a position's qualification characteristics.</summary>
internal sealed class QualificationInput
{
    public string? DutiesUk { get; set; }

    public string? DutiesEn { get; set; }

    public string? EducationUk { get; set; }

    public string? EducationEn { get; set; }

    public string? ExperienceUk { get; set; }

    public string? ExperienceEn { get; set; }

    public int? CpdHoursPerYear { get; set; }

    /// <summary>Whether the yearly requirement is written in hours (<see cref="CpdHoursPerYear"/>) or in credits.</summary>
    public CpdUnit CpdUnit { get; set; }

    /// <summary>Credits a year, where the requirement is in credits.</summary>
    public int? CpdCreditsPerYear { get; set; }

    /// <summary>How many hours one credit is, where the requirement is in credits.</summary>
    public int? HoursPerCredit { get; set; }

    public List<AreaRequirementInput> Areas { get; set; } = [];
}

/// <summary>One competency area and the hours a year the editor asks in it.</summary>
internal sealed class AreaRequirementInput
{
    public Guid? AreaId { get; set; }

    public int? Hours { get; set; }
}

/// <summary>The unit a yearly professional development requirement is set and shown in; it is always counted in hours.</summary>
internal enum CpdUnit
{
    Hours,
    Credits,
}

/// <summary>
/// A yearly professional development requirement: the hours it means and, where it was set in credits, the hours one
/// credit is. Competency areas are asked in hours either way.
/// </summary>
internal sealed record CpdRequirement(int Hours, int? HoursPerCredit = null)
{
    public bool InCredits => HoursPerCredit is > 0;

    /// <summary>The credits asked; the hours where the requirement is in hours.</summary>
    public decimal Amount => InUnit(Hours);

    /// <summary>Hours expressed in the requirement's unit.</summary>
    public decimal InUnit(decimal hours) => HoursPerCredit is > 0 and var perCredit ? Math.Round(hours / perCredit, 2) : hours;
}
