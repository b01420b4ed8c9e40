using TrainingHub.Learning.Contracts;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Jobs;

namespace TrainingHub.Pathways.Certificates;

/// <summary>
/// What renewing a stage's certificate asks: hours of professional development, a refresher course, both (either one
/// suffices) or nothing.
/// </summary>
internal sealed record RenewalRequirement(decimal? CpdHours, Guid? CourseId)
{
    public const decimal MaxCpdHours = 1_000;

    public bool AsksAnything => CpdHours is not null || CourseId is not null;
}

internal enum RenewalNeed
{
    CpdHours,
    Course,
}

/// <summary>One thing renewal asks, judged: its text key and arguments, and where the holder goes to do it while it is missing.</summary>
internal sealed record RenewalItem(RenewalNeed Need, Outcome Outcome, string Key, object[] Arguments, string? Link);

/// <summary>
/// Where a certificate's renewal stands: the last day it may be renewed and what it asks, judged. Asking nothing, or
/// asking two things of which one is met, it is met.
/// </summary>
internal sealed record RenewalState(DateOnly ClosesOn, IReadOnlyList<RenewalItem> Items)
{
    public bool Met => Items.Count == 0 || Items.Any(i => i.Outcome == Outcome.Met);
}

/// <summary>
/// Judges what renewing a certificate asks against the holder's record. Hours count in the professional development record
/// over the calendar years from the certificate's year of issue to this one, as far back as the record keeps
/// (<see cref="DevelopmentRecords.YearsShown"/> years). A refresher course counts when completed (either language version)
/// after the certificate was issued; a course that is gone, or no longer offered and not completed, is flagged and never met.
/// </summary>
internal static class CertificateRenewal
{
    /// <summary>The calendar years whose hours count: from the year of issue, as far back as the record keeps, to this year.</summary>
    public static (int From, int To) CpdYears(Certificate certificate, DateOnly today) =>
        (Math.Max(certificate.IssuedOn.Year, today.Year - DevelopmentRecords.YearsShown + 1), today.Year);

    public static RenewalState Judge(
        Certificate certificate, RenewalRequirement requirement, DateOnly today, decimal cpdHours, IReadOnlyList<CourseCompletion> completions,
        CourseReference? course, string developmentLink)
    {
        var items = new List<RenewalItem>();
        if (requirement.CpdHours is { } asked)
        {
            var (from, to) = CpdYears(certificate, today);
            var years = from == to ? $"{to}" : $"{from}–{to}";
            items.Add(cpdHours >= asked
                ? new RenewalItem(RenewalNeed.CpdHours, Outcome.Met, "Renewal:Hours:Met", [cpdHours, asked, years], null)
                : new RenewalItem(RenewalNeed.CpdHours, Outcome.NotYet, "Renewal:Hours:NotYet", [cpdHours, asked, years, asked - cpdHours], developmentLink));
        }
        if (requirement.CourseId is { } courseId)
        {
            var completed = completions
                .Where(c => (c.CourseId == courseId || c.TranslationId == courseId) && c.CompletedAt > certificate.IssuedAt)
                .OrderBy(c => c.CompletedAt).FirstOrDefault();
            items.Add((completed, course) switch
            {
                ({ } done, _) => new RenewalItem(RenewalNeed.Course, Outcome.Met, "Renewal:Course:Met", [course?.Title ?? done.Title, DailyRuns.DayOf(done.CompletedAt)], null),
                (null, null) => new RenewalItem(RenewalNeed.Course, Outcome.Broken, "Renewal:Course:Missing", [], null),
                (null, { Archived: true }) => new RenewalItem(RenewalNeed.Course, Outcome.Broken, "Renewal:Course:Archived", [course.Title], null),
                _ => new RenewalItem(RenewalNeed.Course, Outcome.NotYet, "Renewal:Course:NotYet", [course.Title, certificate.IssuedOn], $"/learning/courses/{courseId}"),
            });
        }
        return new RenewalState(certificate.ValidUntil!.Value.AddMonths(Certificate.RenewalClosesMonthsAfter).AddDays(-1), items);
    }
}
