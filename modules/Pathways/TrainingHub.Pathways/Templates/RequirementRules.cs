using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using CourseCompleted = TrainingHub.Pathways.Requirements.CourseCompleted;

namespace TrainingHub.Pathways.Templates;

/// <summary>
/// What the other modules know of the things a requirement tree names: the courses found (by id), the highest level of
/// each competency code of a published framework, and the practice activity types.
/// </summary>
internal sealed record RequirementCatalog(
    IReadOnlyDictionary<Guid, CourseReference> Courses, IReadOnlyDictionary<string, int> CompetencyTopLevels, IReadOnlySet<Guid> ActivityTypes);

/// <summary>
/// The rules of a stage's requirement tree. Groups nest up to <see cref="MaxDepth"/> levels and the whole tree holds at
/// most <see cref="MaxParts"/> parts; numbers are positive and within sense. Whatever the tree names must exist when it
/// is added: a course published and still offered, a competency of a published framework at one of its levels, an
/// activity type, a role the sign-off knows. A name the stage already held is kept even if it has gone since: the
/// template flags it and the editor may leave it until another is chosen.
/// An error's field is the part's path (<see cref="FieldOf"/>), so the editor shows it beside that part.
/// </summary>
internal static class RequirementRules
{
    public const int MaxDepth = 4;

    public const int MaxParts = 60;

    public const decimal MaxHours = 10_000;

    public const int MaxSessions = 500;

    public const int MaxMonths = 240;

    /// <summary>The roles whose sign-off a stage can ask for (those that hold the sign-off permission).</summary>
    public static IReadOnlyList<string> SignOffRoles { get; } = [BuiltInRoles.Supervisor, BuiltInRoles.Mentor, BuiltInRoles.Coordinator, BuiltInRoles.Administrator];

    /// <summary>The field of a part: "Requirements" for the whole tree, "Requirements/2/0" for the first part of its third.</summary>
    public static string FieldOf(IEnumerable<int> path) => string.Join("/", path.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Prepend("Requirements"));

    public static List<FieldError> Check(Requirement tree, RequirementCatalog catalog, Requirement stored)
    {
        var errors = new List<FieldError>();
        if (tree is not (AllOf or AnyOf))
        {
            errors.Add(new FieldError(FieldOf([]), "Templates:Error:RootGroup"));
            return errors;
        }
        if (Count(tree) > MaxParts)
        {
            errors.Add(new FieldError(FieldOf([]), "Templates:Error:TooManyParts", MaxParts));
            return errors;
        }
        var kept = new Kept(
            Leaves(stored).OfType<CourseCompleted>().Select(c => c.CourseId).ToHashSet(), Leaves(stored).OfType<CompetencyAtLevel>().Select(c => c.Competency).ToHashSet(StringComparer.Ordinal),
            Leaves(stored).OfType<PracticeHours>().Select(h => h.ActivityTypeId).OfType<Guid>().ToHashSet());
        Check(tree, [], catalog, kept, errors);
        return errors;
    }

    private sealed record Kept(IReadOnlySet<Guid> Courses, IReadOnlySet<string> Competencies, IReadOnlySet<Guid> ActivityTypes);

    private static void Check(Requirement? requirement, List<int> path, RequirementCatalog catalog, Kept kept, List<FieldError> errors)
    {
        var field = FieldOf(path);
        void Refuse(string key, params object[] arguments) => errors.Add(new FieldError(field, key, arguments));
        switch (requirement)
        {
            case AllOf or AnyOf:
                var items = requirement is AllOf all ? all.Items : ((AnyOf)requirement).Items;
                if (path.Count >= MaxDepth)
                {
                    Refuse("Templates:Error:TooDeep", MaxDepth);
                    return;
                }
                // The whole tree of a stage may ask for nothing (a stage where people start); a group inside it may not, nor can
                // any-of nothing ever be met.
                if (items.Count == 0 && (path.Count > 0 || requirement is AnyOf))
                {
                    Refuse("Templates:Error:EmptyGroup");
                }
                for (var i = 0; i < items.Count; i++)
                {
                    Check(items[i], [.. path, i], catalog, kept, errors);
                }
                break;
            case CourseCompleted course when !kept.Courses.Contains(course.CourseId):
                if (catalog.Courses.GetValueOrDefault(course.CourseId) is not { } found)
                {
                    Refuse("Templates:Error:NoSuchCourse");
                }
                else if (found.Archived)
                {
                    Refuse("Templates:Error:CourseArchived", found.Title);
                }
                break;
            case CompetencyAtLevel competency:
                if (string.IsNullOrWhiteSpace(competency.Competency))
                {
                    Refuse("Templates:Error:CompetencyRequired");
                }
                else if (!catalog.CompetencyTopLevels.TryGetValue(competency.Competency, out var top) && !kept.Competencies.Contains(competency.Competency))
                {
                    Refuse("Templates:Error:NoSuchCompetency", competency.Competency);
                }
                else if (competency.Level < 0 || (catalog.CompetencyTopLevels.ContainsKey(competency.Competency) && competency.Level > top))
                {
                    Refuse("Templates:Error:Level", catalog.CompetencyTopLevels.GetValueOrDefault(competency.Competency));
                }
                break;
            case PracticeHours hours:
                if (hours.Hours is <= 0 or > MaxHours)
                {
                    Refuse("Templates:Error:Hours", MaxHours);
                }
                else if (hours.ActivityTypeId is { } type && !catalog.ActivityTypes.Contains(type) && !kept.ActivityTypes.Contains(type))
                {
                    Refuse("Templates:Error:NoSuchActivityType");
                }
                break;
            case SupervisionSessions sessions when sessions.Count is < 1 or > MaxSessions:
                Refuse("Templates:Error:Sessions", MaxSessions);
                break;
            case TimeInStage time when time.Months is < 1 or > MaxMonths:
                Refuse("Templates:Error:Months", MaxMonths);
                break;
            case SignOff signOff when !SignOffRoles.Contains(signOff.Role):
                Refuse("Templates:Error:Role");
                break;
            case null:
                Refuse("Templates:Error:Unknown");
                break;
        }
    }

    /// <summary>Every part of a tree, the groups included.</summary>
    public static int Count(Requirement requirement) => 1 + Parts(requirement).Sum(Count);

    public static IReadOnlyList<Requirement> Parts(Requirement requirement) => requirement switch
    {
        AllOf all => all.Items,
        AnyOf any => any.Items,
        _ => [],
    };

    private static IEnumerable<Requirement> Leaves(Requirement requirement) =>
        requirement is AllOf or AnyOf ? Parts(requirement).SelectMany(Leaves) : [requirement];
}
