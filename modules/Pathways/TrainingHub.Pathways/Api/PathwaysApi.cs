using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using TrainingHub.Pathways.Certificates;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Pathways.Development;
using TrainingHub.Pathways.Progress;
using TrainingHub.Pathways.Progression;
using TrainingHub.Pathways.Qualifications;
using TrainingHub.Pathways.Requirements;
using TrainingHub.SharedKernel.Api;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Mail;
using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.Pathways.Api;

/// <summary>A stage of the pathway and where the person stands towards it.</summary>
internal sealed record StageItem(int Position, string Name, StageState State);

/// <summary>
/// A requirement of the next stage judged: its kind as pathway templates store it (<c>allOf</c>, <c>course</c>,
/// <c>hours</c>…), whether it is met, what that means in words, and a group's parts.
/// </summary>
internal sealed record RequirementItem(string Kind, Outcome Outcome, string Text, IReadOnlyList<RequirementItem> Parts);

/// <summary>The next stage and everything it asks for, judged now; <see cref="Ready"/> when all of it is met.</summary>
internal sealed record NextStageItem(int Position, string Name, bool Ready, RequirementItem Requirements);

/// <summary>A sign-off given towards the next stage, by role.</summary>
internal sealed record SignOffItem(string Role, DateTimeOffset SignedAt);

/// <summary>The latest request to move on to the next stage; a declined one carries its reason.</summary>
internal sealed record RequestItem(Guid Id, RequestStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? Reason);

/// <summary>
/// A person's pathway as their pathway page shows it: no pathway, stages and next stage when they are not placed; no next
/// stage at the last one. <see cref="CanAsk"/> when the caller may ask for the person's progression now.
/// </summary>
internal sealed record ProgressItem(
    Guid PersonId, string PersonName, bool Placed, string? Pathway, IReadOnlyList<StageItem> Stages, DateOnly? StageSince, NextStageItem? NextStage,
    IReadOnlyList<SignOffItem> SignOffs, RequestItem? Request, bool CanAsk);

/// <summary>
/// A certificate with absolute links to its PDF, its public verification page and its Open Badges assertion;
/// <see cref="Renewed"/> once another certificate renewed it, and <see cref="Renewal"/> while renewal is open.
/// </summary>
internal sealed record CertificateItem(
    Guid Id, string Number, string Pathway, string Stage, DateOnly IssuedOn, DateOnly? ValidUntil, CertificateStatus Status, Uri Pdf, Uri Verify,
    Uri Badge, bool Renewed, CertificateRenewalItem? Renewal);

/// <summary>Renewal while it is open: until when, whether what it asks is met (nothing asked, or any one thing), and each thing asked, judged.</summary>
internal sealed record CertificateRenewalItem(DateOnly OpenUntil, bool Met, IReadOnlyList<RenewalNeedItem> Needs);

/// <summary>One thing renewal asks, judged, in words with its evidence or what is missing, and where to do it while it is missing.</summary>
internal sealed record RenewalNeedItem(RenewalNeed Need, Outcome Outcome, string Text, Uri? Link);

/// <summary>Something that counts towards a year's professional development: a course (with its title and day) or approved hours.</summary>
internal sealed record DevelopmentLineItem(DevelopmentSource Source, string? Title, DateOnly? On, decimal Hours);

/// <summary>
/// A person's professional development in a year against the hours their position asks (null when none), with courses
/// that count nothing for want of a duration. <see cref="Met"/> means the total and every area asked are reached. The
/// training taken elsewhere that year is listed in whatever state it is (only approved training counts), and the year's
/// plan, where there is one, with each item done or not yet. <see cref="Required"/> gives what is asked in the unit it was
/// set in, and who asks it.
/// </summary>
internal sealed record DevelopmentItem(
    Guid PersonId, int Year, int? RequiredHours, decimal TotalHours, bool Met, IReadOnlyList<DevelopmentLineItem> Lines, IReadOnlyList<string> CoursesWithoutDuration,
    IReadOnlyList<DevelopmentAreaItem> Areas, IReadOnlyList<ExternalTrainingItem> Trainings, DevelopmentPlanItem? Plan, DevelopmentRequiredItem? Required);

/// <summary>
/// A year's requirement in the unit it was set in: <see cref="Amount"/> and <see cref="Done"/> are hours or credits,
/// <see cref="Hours"/> the hours it means; <see cref="AskedBy"/> names the stage or position asking it in the caller's language.
/// </summary>
internal sealed record DevelopmentRequiredItem(CpdUnit Unit, decimal Amount, int Hours, int? HoursPerCredit, decimal Done, bool ByStage, string? AskedBy);

/// <summary>Training taken elsewhere as its person recorded it, with the decision on it and the reason of a decline.</summary>
internal sealed record ExternalTrainingItem(
    Guid Id, string Title, string Provider, DateOnly CompletedOn, decimal Hours, Guid? AreaId, TrainingState State, string? DeclineReason);

/// <summary>A year's development plan: whether and when it was agreed, and each item with whether it is done.</summary>
internal sealed record DevelopmentPlanItem(bool Agreed, DateTimeOffset? AgreedAt, decimal PlannedHours, decimal DoneHours, IReadOnlyList<PlanItemView> Items);

/// <summary>Hours a position asks in a competency area (by the competency's lineage id, named in the caller's language) and those done there.</summary>
internal sealed record DevelopmentAreaItem(Guid AreaId, string Code, string Name, int RequiredHours, decimal Hours, bool Met);

/// <summary>A person on a pathway in the caller's area; <see cref="Ready"/> is null at the last stage.</summary>
internal sealed record PlacedPersonItem(Guid PersonId, string FullName, string Pathway, int Stage, string StageName, DateOnly StageSince, bool? Ready);

/// <summary>A request waiting for a decision; <see cref="StillMet"/> says whether everything is met as it is listed.</summary>
internal sealed record PendingRequestItem(
    Guid Id, Guid PersonId, string PersonName, string FromStage, string ToStage, DateTimeOffset RequestedAt, string RequestedBy, string? Note,
    bool StillMet, Guid Version);

/// <summary>Asking to move on, with an optional note for the coordinator.</summary>
internal sealed record ProgressionAsk(string? Note);

/// <summary>A decision on a request as read at <see cref="Version"/>; declining needs the reason.</summary>
internal sealed record ProgressionDecision(Guid Version, string? Reason);

/// <summary>Pathway progress, certificates and progression through the API, with the same rules as the pathway pages.</summary>
internal static class PathwaysApi
{
    /// <summary>Requirement kinds by the names pathway templates store them under.</summary>
    private static readonly Dictionary<Type, string> Kinds = typeof(Requirement).GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    public static void MapPathwaysApi(this IEndpointRouteBuilder endpoints)
    {
        var pathways = endpoints.MapApi("Pathways");
        pathways.MapGet("/pathways/me", MineAsync)
            .RequireAuthorization(PathwaysPermissions.Own)
            .WithName("MyPathway").WithSummary("Your pathway progress")
            .WithDescription("The stages with where you stand, and each requirement of the next stage judged now (`Met`, `NotYet`, or `Broken` when it "
                + "points to a course that is gone), in words in the reader's language; and your latest request to move on.")
            .Produces<ProgressItem>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        pathways.MapGet("/pathways/people/{personId:guid}", ForPersonAsync)
            .RequireAuthorization(PathwaysPermissions.Own)
            .WithName("PersonPathway").WithSummary("A person's pathway progress")
            .WithDescription("For the person, those assigned to them (supervisor, mentors, coach) and holders of `Pathways.Progress.View` over their home unit.")
            .Produces<ProgressItem>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        pathways.MapGet("/pathways/me/certificates", MyCertificatesAsync)
            .RequireAuthorization(PathwaysPermissions.Own)
            .WithName("MyCertificates").WithSummary("Your certificates, newest first")
            .Produces<IReadOnlyList<CertificateItem>>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        pathways.MapGet("/pathways/people/{personId:guid}/certificates", CertificatesAsync)
            .RequireAuthorization(PathwaysPermissions.Own)
            .WithName("PersonCertificates").WithSummary("A person's certificates, newest first")
            .WithDescription("For those who may see the person's pathway.")
            .Produces<IReadOnlyList<CertificateItem>>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        pathways.MapGet("/pathways/me/development", MyDevelopmentAsync)
            .RequireAuthorization(PathwaysPermissions.Own)
            .WithName("MyDevelopment").WithSummary("Your professional development in a year (this one unless another of the last three is asked)")
            .Produces<DevelopmentItem>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        pathways.MapGet("/pathways/people/{personId:guid}/development", DevelopmentAsync)
            .RequireAuthorization(PathwaysPermissions.Own)
            .WithName("PersonDevelopment").WithSummary("A person's professional development in a year")
            .WithDescription("For those who may see the person's pathway.")
            .Produces<DevelopmentItem>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        pathways.MapGet("/pathways/people", PeopleAsync)
            .RequireAuthorization(PathwaysPermissions.ProgressView)
            .WithName("ListPathwayPeople").WithSummary("People on a pathway in your area")
            .WithDescription("By name (`search` matches it), each with their stage and whether they are ready for the next one.")
            .Produces<ApiPage<PlacedPersonItem>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        pathways.MapPost("/pathways/people/{personId:guid}/progression-requests", AskAsync)
            .RequireAuthorization(PathwaysPermissions.Own)
            .WithName("AskForProgression").WithSummary("Ask for a person to move on to their next stage")
            .WithDescription("The person or their supervisor, once everything the next stage asks for is met and no request is waiting; answers the request's id.")
            .Produces<Guid>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        pathways.MapGet("/pathways/progression-requests", PendingAsync)
            .RequireAuthorization(PathwaysPermissions.ProgressionApprove)
            .WithName("PendingProgressionRequests").WithSummary("Requests to move on waiting for your decision")
            .WithDescription("Of the people in your area, oldest first, each judged again as it is listed.")
            .Produces<ApiPage<PendingRequestItem>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        pathways.MapPost("/pathways/progression-requests/{id:guid}/approve", ApproveAsync)
            .RequireAuthorization(PathwaysPermissions.ProgressionApprove)
            .WithName("ApproveProgression").WithSummary("Approve a request: the person moves on today and receives the stage's certificate")
            .WithDescription("Only while everything is still met and the request is as read at `version`.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        pathways.MapPost("/pathways/progression-requests/{id:guid}/decline", DeclineAsync)
            .RequireAuthorization(PathwaysPermissions.ProgressionApprove)
            .WithName("DeclineProgression").WithSummary("Decline a request with a reason")
            .WithDescription("The person reads the reason on their pathway before asking again.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> MineAsync(PathwayProgress progress, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken) =>
        (await progress.MineAsync(cancellationToken)).ToHttpResult(localizer, view => ToItem(view, localizer));

    private static async Task<IResult> ForPersonAsync(
        Guid personId, PathwayProgress progress, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken) =>
        (await progress.ForPersonAsync(personId, cancellationToken)).ToHttpResult(localizer, view => ToItem(view, localizer));

    private static async Task<IResult> MyCertificatesAsync(
        ProgressAccess access, CertificateRegister register, PublicLinks links, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken) =>
        access.Me is { } me ? await CertificatesAsync(me, register, links, localizer, cancellationToken) : Error.Forbidden.ToProblem(localizer);

    private static async Task<IResult> CertificatesAsync(
        Guid personId, CertificateRegister register, PublicLinks links, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken) =>
        (await register.ForPersonAsync(personId, cancellationToken)).ToHttpResult(localizer, held => held.Certificates.Select(c => new CertificateItem(
            c.Id, c.Number, c.PathwayName, c.StageName, c.IssuedOn, c.ValidUntil, c.Status, links.To($"pathways/certificates/{c.Id}/pdf"),
            links.To($"verify/{c.Number}"), links.To($"badges/assertions/{c.Number}"), c.Renewed,
            c.Renewal is { } renewal
                ? new CertificateRenewalItem(renewal.ClosesOn, renewal.Met, renewal.Items.Select(i => new RenewalNeedItem(
                    i.Need, i.Outcome, localizer[i.Key, i.Arguments], i.Link is { } link ? links.To(link) : null)).ToList())
                : null)).ToList());

    private static async Task<IResult> MyDevelopmentAsync(
        int? year, DevelopmentRecords records, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken) =>
        (await records.MineAsync(year, cancellationToken)).ToHttpResult(localizer, ToItem);

    private static async Task<IResult> DevelopmentAsync(
        Guid personId, int? year, DevelopmentRecords records, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken) =>
        (await records.ForPersonAsync(personId, year, cancellationToken)).ToHttpResult(localizer, ToItem);

    private static DevelopmentItem ToItem(DevelopmentYear year) => new(
        year.PersonId, year.Year, year.RequiredHours, year.TotalHours, year.Met,
        year.Lines.Select(l => new DevelopmentLineItem(l.Source, l.Title, l.On, l.Hours)).ToList(), year.CoursesWithoutDuration,
        year.Areas.Select(a => new DevelopmentAreaItem(a.Area.Id, a.Area.Code, a.Area.Name(Cultures.ReadsEnglish), a.RequiredHours, a.Hours, a.Met)).ToList(),
        year.Trainings.Select(t => new ExternalTrainingItem(t.Id, t.Title, t.Provider, t.CompletedOn, t.Hours, t.AreaId, t.State, t.DeclineReason)).ToList(),
        year.Plan.Id is null ? null : new DevelopmentPlanItem(year.Plan.Agreed, year.Plan.AgreedAt, year.Plan.PlannedHours, year.Plan.DoneHours, year.Plan.Items),
        year.Requirement is not { } required ? null : new DevelopmentRequiredItem(
            required.InCredits ? CpdUnit.Credits : CpdUnit.Hours, required.Amount, required.Hours, required.HoursPerCredit, required.InUnit(year.TotalHours),
            year.AskedBy?.Stage ?? false, year.AskedBy?.Name(Cultures.ReadsEnglish)));

    private static async Task<IResult> PeopleAsync(
        string? search, [AsParameters] ApiPageQuery paging, PlacementRegister register, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken)
    {
        if (!paging.ToPageRequest().TryGetValue(out var page, out var error))
        {
            return error.ToProblem(localizer);
        }
        return (await register.ListAsync(search, page, cancellationToken)).ToHttpResult(localizer, found => ApiPage<PlacedPersonItem>.From(found, page,
            p => new PlacedPersonItem(p.PersonId, p.FullName, p.TemplateName, p.Stage, p.StageName, p.StageSince, p.Ready)));
    }

    private static async Task<IResult> AskAsync(
        Guid personId, ProgressionAsk ask, Progressions progressions, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken) =>
        (await progressions.RequestAsync(personId, ask.Note, cancellationToken)).ToHttpResult(localizer, id => id);

    private static async Task<IResult> PendingAsync(
        [AsParameters] ApiPageQuery paging, Progressions progressions, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken)
    {
        if (!paging.ToPageRequest().TryGetValue(out var page, out var error))
        {
            return error.ToProblem(localizer);
        }
        return (await progressions.PendingAsync(page, cancellationToken)).ToHttpResult(localizer, found => ApiPage<PendingRequestItem>.From(found, page,
            r => new PendingRequestItem(r.Id, r.PersonId, r.PersonName, r.FromStage, r.ToStage, r.RequestedAt, r.RequestedBy, r.Note, r.StillMet, r.Version)));
    }

    private static async Task<IResult> ApproveAsync(
        Guid id, ProgressionDecision decision, Progressions progressions, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken) =>
        Answer(await progressions.ApproveAsync(id, decision.Version, cancellationToken), localizer);

    private static async Task<IResult> DeclineAsync(
        Guid id, ProgressionDecision decision, Progressions progressions, IStringLocalizer<PathwaysResource> localizer, CancellationToken cancellationToken) =>
        Answer(await progressions.DeclineAsync(id, decision.Reason, decision.Version, cancellationToken), localizer);

    private static IResult Answer(Result result, IStringLocalizer localizer) =>
        result.Failed(out var error) ? error.ToProblem(localizer) : TypedResults.NoContent();

    private static ProgressItem ToItem(ProgressView view, IStringLocalizer localizer) => new(
        view.PersonId, view.PersonName, view.Placed, view.TemplateName,
        view.Stages.Select(s => new StageItem(s.Position, s.Name, s.State)).ToList(),
        view.StageSince,
        view is { Next: { } next, NextStage: { } stage } ? new NextStageItem(stage.Position, stage.Name, view.Ready, ToItem(next, view, localizer)) : null,
        view.SignOffs.Select(s => new SignOffItem(s.Role, s.SignedAt)).ToList(),
        view.Request is { } request ? new RequestItem(request.Id, request.Status, request.RequestedAt, request.DecidedAt, request.Reason) : null,
        view.CanAsk);

    private static RequirementItem ToItem(RequirementResult result, ProgressView view, IStringLocalizer localizer) => new(
        Kinds[result.Requirement.GetType()], result.Outcome, RequirementTexts.Describe(result, view, localizer),
        result.Parts.Select(p => ToItem(p, view, localizer)).ToList());
}
