namespace TrainingHub.SharedKernel.Home;

/// <summary>
/// A part of the home page a module provides: a component that shows, from the module's own data, what the person should
/// look at first, with links to where each thing is handled. The home page only arranges parts; each part checks on the
/// server what it may show.
/// </summary>
/// <param name="Component">The component to render; it takes no parameters.</param>
/// <param name="Section">Which job the part serves, which decides where the home page puts it.</param>
/// <param name="Permission">Only holders see the part. A person whose roles grant it more than once sees it once.</param>
public sealed record HomePart(Type Component, HomeSection Section, string Permission, int Order = 100);

/// <summary>The home page's sections, by job, in the order they are shown.</summary>
public enum HomeSection
{
    /// <summary>The person's own learning, pathway, hours and sessions.</summary>
    MyWork,

    /// <summary>The people a supervisor or mentor supports.</summary>
    People,

    /// <summary>The area a coordinator plans for.</summary>
    Area,

    /// <summary>What needs an administrator.</summary>
    Administration,
}

/// <summary>
/// One thing a person should do, as a module knows it: a lesson due, a session booked, a check-in open. The home page puts
/// every module's steps in one list, most urgent first.
/// </summary>
/// <param name="Key">Identifies the step across modules (such as <c>learning:enrolment:{id}</c>), so that it is listed once.</param>
/// <param name="Title">What to do, in the person's language.</param>
/// <param name="Href">Where it is done, one tap away.</param>
/// <param name="Action">The button's text, such as "Continue".</param>
/// <param name="Due">When it is due or takes place, if it has a date.</param>
public sealed record NextStep(string Key, string Title, string Href, string Action, NextStepUrgency Urgency, DateTimeOffset? Due, string Icon)
{
    /// <summary>A second line: how far the person is, or who it is with.</summary>
    public string? Detail { get; init; }
}

/// <summary>How urgent a step is, most urgent first.</summary>
public enum NextStepUrgency
{
    /// <summary>Past its date.</summary>
    Overdue,

    /// <summary>Due within the next days (each module says how many).</summary>
    DueSoon,

    /// <summary>Open now, without a pressing date.</summary>
    Open,

    /// <summary>Booked for later, such as the next supervision session.</summary>
    Upcoming,
}

/// <summary>
/// A module's steps for one person about their own work. Registered once per module; the home page asks each for the
/// signed-in person. A source only ever answers about the person asked for.
/// </summary>
public interface INextSteps
{
    Task<IReadOnlyList<NextStep>> ForAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>The order the home page lists steps in: most urgent first, then soonest.</summary>
public static class NextSteps
{
    public static IReadOnlyList<NextStep> InOrder(IEnumerable<NextStep> steps) =>
        steps.DistinctBy(s => s.Key)
            .OrderBy(s => s.Urgency)
            .ThenBy(s => s.Due ?? DateTimeOffset.MaxValue)
            .ThenBy(s => s.Title, StringComparer.CurrentCulture)
            .ToList();
}
