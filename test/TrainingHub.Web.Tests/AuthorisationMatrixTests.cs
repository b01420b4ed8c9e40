using Microsoft.EntityFrameworkCore;
using System.Text;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Accounts.Domain;
using TrainingHub.Audit.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Learning.Contracts;
using TrainingHub.Learning.Data;
using TrainingHub.Learning.Domain;
using TrainingHub.Organisations.Contracts;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.Pathways.Contracts;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Workforce.Contracts;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>
/// Every page and endpoint the app maps, asked for by an anonymous visitor and by each built-in role, answers as
/// its declared access says. A page missing from <see cref="Access"/> fails the test, so a new page cannot be added
/// without deciding who may open it; a page that forgets its check lets a role in that should be refused.
/// </summary>
public sealed class AuthorisationMatrixTests(TrainingHubApp app) : IClassFixture<TrainingHubApp>
{
    private const string Anyone = "anonymous";
    private const string SignedIn = "signed-in";

    /// <summary>Who may open each route: anyone, any signed-in person, or holders of a permission.</summary>
    private static readonly Dictionary<string, string> Access = new()
    {
        ["/account/login"] = Anyone,
        ["/account/forgot-password"] = Anyone,
        ["/account/reset-password"] = Anyone,
        ["/account/accept-invitation"] = Anyone,
        ["/account/confirm-email"] = Anyone,
        ["/account/login-2fa"] = Anyone,
        ["/account/login-recovery"] = Anyone,
        ["/not-found"] = Anyone,
        ["/error"] = Anyone,
        ["/health"] = Anyone,
        ["/"] = SignedIn,
        ["/account/access-denied"] = SignedIn,
        ["/account/manage"] = SignedIn,
        ["/account/two-factor"] = SignedIn,
        ["/notifications"] = SignedIn,
        ["/notifications/preferences"] = SignedIn,
        ["/account/api-tokens"] = SignedIn,
        ["/organisations"] = OrganisationPermissions.UnitsView,
        ["/organisations/{Id:guid}"] = OrganisationPermissions.UnitsView,
        ["/organisations/new"] = OrganisationPermissions.UnitsEdit,
        ["/organisations/{Id:guid}/edit"] = OrganisationPermissions.UnitsEdit,
        ["/organisations/import"] = OrganisationPermissions.UnitsImport,
        ["/people"] = AccountPermissions.PeopleView,
        ["/people/{Id:guid}"] = AccountPermissions.PeopleView,
        ["/people/invite"] = AccountPermissions.PeopleManage,
        ["/people/invite/bulk"] = AccountPermissions.PeopleManage,
        ["/people/positions"] = AccountPermissions.PositionsManage,
        ["/people/{Id:guid}/edit"] = AccountPermissions.PeopleManage,
        ["/jobs"] = PlatformPermissions.JobsDashboard,
        ["/audit"] = AuditPermissions.View,
        ["/roles"] = AccountPermissions.RolesManage,
        ["/roles/{Id:guid}"] = AccountPermissions.RolesManage,
        ["/competencies/frameworks"] = CompetencyPermissions.FrameworksView,
        ["/competencies/frameworks/{Id:guid}"] = CompetencyPermissions.FrameworksView,
        ["/competencies/frameworks/import"] = CompetencyPermissions.FrameworksImport,
        ["/competencies/my"] = SignedIn,
        ["/learning/courses"] = LearningPermissions.CoursesView,
        ["/learning/courses/{Id:guid}"] = LearningPermissions.CoursesView,
        ["/learning/courses/{Id:guid}/edit"] = LearningPermissions.CoursesAuthor,
        ["/learning/courses/{Id:guid}/lessons/{LessonId:guid}"] = LearningPermissions.CoursesView,
        ["/competencies/people/{PersonId:guid}"] = CompetencyPermissions.RatingsRate,
        // Not a page but a download: the demo learner's own file, which every demo role's area also contains. Who else
        // is told it does not exist is in EvidenceDownloadTests.
        ["/competencies/evidence/{id:guid}/file"] = SignedIn,
        ["/competencies/gaps"] = CompetencyPermissions.GapsView,
        ["/competencies/gaps/export"] = CompetencyPermissions.GapsView,
        ["/learning/courses/{Id:guid}/enrolments"] = LearningPermissions.EnrolmentsManage,
        ["/learning/my"] = LearningPermissions.CoursesView,
        ["/learning/cohorts"] = LearningPermissions.EnrolmentsManage,
        ["/learning/overdue"] = LearningPermissions.ProgressView,
        ["/learning/reports"] = LearningPermissions.ProgressView,
        ["/learning/reports/export"] = LearningPermissions.ProgressView,
        ["/supervision/assignments"] = SupervisionPermissions.AssignmentsManage,
        ["/supervision/my-people"] = SupervisionPermissions.Supervise,
        ["/supervision/sessions"] = SupervisionPermissions.SessionsView,
        ["/supervision/sessions/{SessionId:guid}/log/{PersonId:guid}"] = SupervisionPermissions.SessionsView,
        ["/supervision/coverage"] = SupervisionPermissions.AssignmentsManage,
        ["/supervision/coverage/export"] = SupervisionPermissions.AssignmentsManage,
        // A calendar program cannot sign in: the private address's secret is the key (an unknown one is not found).
        ["/supervision/calendar/{secret}.ics"] = Anyone,
        ["/supervision/mentoring"] = SupervisionPermissions.SessionsView,
        ["/supervision/mentoring/{AssignmentId:guid}"] = SupervisionPermissions.SessionsView,
        ["/supervision/hours"] = SupervisionPermissions.HoursLog,
        ["/supervision/hours/review"] = SupervisionPermissions.HoursReview,
        ["/supervision/hours/activity-types"] = SupervisionPermissions.ActivityTypesManage,
        ["/supervision/frequency"] = SupervisionPermissions.FrequencyManage,
        ["/supervision/support-requests"] = SupervisionPermissions.Supervise,
        ["/wellbeing/instruments"] = WellbeingPermissions.InstrumentsManage,
        ["/wellbeing/schedules"] = WellbeingPermissions.SchedulesManage,
        ["/wellbeing/resources"] = WellbeingPermissions.ResourcesManage,
        ["/wellbeing/check-ins"] = WellbeingPermissions.CheckIn,
        ["/wellbeing/reports"] = WellbeingPermissions.ReportsView,
        ["/pathways/templates"] = PathwaysPermissions.TemplatesView,
        ["/pathways/templates/{Code}"] = PathwaysPermissions.TemplatesView,
        ["/pathways/my"] = PathwaysPermissions.Own,
        ["/pathways/qualifications"] = PathwaysPermissions.Own,
        ["/pathways/development"] = PathwaysPermissions.Own,
        ["/pathways/development/approvals"] = PathwaysPermissions.DevelopmentApprove,
        ["/pathways/development/trainings/{id:guid}/file"] = SignedIn,
        // One's own record, or a person's for those who may see their pathway: the service decides.
        ["/pathways/people/{PersonId:guid}/development"] = PathwaysPermissions.Own,
        ["/pathways/qualifications/{Code}"] = PathwaysPermissions.Own,
        ["/pathways/qualifications/{Code}/print"] = PathwaysPermissions.Own,
        ["/pathways/requests"] = PathwaysPermissions.ProgressionApprove,
        ["/pathways/people"] = PathwaysPermissions.ProgressView,
        ["/pathways/reports"] = PathwaysPermissions.ReportsView,
        ["/pathways/reports/export"] = PathwaysPermissions.ReportsView,
        // Those assigned to a person see their pathway as those with the permission over their unit do: the service decides.
        ["/pathways/people/{PersonId:guid}"] = PathwaysPermissions.Own,
        // The holder and those who may see the holder's pathway; the service decides (anyone else finds nothing).
        ["/pathways/certificates/{id:guid}/pdf"] = SignedIn,
        // Certificates are checked by anyone who holds a number: no sign-in, limited per client address.
        ["/verify"] = Anyone,
        ["/verify/{Number}"] = Anyone,
        ["/badges/assertions/{number}"] = Anyone,
        ["/badges/classes/{template}/{stage:int}"] = Anyone,
        ["/badges/classes/{template}/{stage:int}/image.svg"] = Anyone,
        ["/badges/issuers/{unitId:guid}"] = Anyone,
        ["/wellbeing/reports/settings"] = WellbeingPermissions.ReportsSettings,
        ["/wellbeing/reports/export"] = WellbeingPermissions.ReportsView,
        ["/wellbeing/check-ins/{RoundId:guid}"] = WellbeingPermissions.CheckIn,
        ["/wellbeing/instruments/{Code}"] = WellbeingPermissions.InstrumentsManage,
        ["/supervision/hours/requirements"] = SupervisionPermissions.HoursRequirementsManage,
        ["/workforce/staffing"] = WorkforcePermissions.View,
        ["/workforce/norms"] = WorkforcePermissions.NormsEdit,
        ["/workforce/staffing/import"] = WorkforcePermissions.StaffingEdit,
        ["/workforce/staffing/export"] = WorkforcePermissions.View,
        ["/workforce/services"] = WorkforcePermissions.NormsEdit,
        ["/workforce/dashboard"] = WorkforcePermissions.View,
        ["/workforce/dashboard/export"] = WorkforcePermissions.View,
        ["/workforce/competence"] = WorkforcePermissions.View,
        ["/workforce/competence/export"] = WorkforcePermissions.View,
    };

    /// <summary>
    /// Who may call each API endpoint ("METHOD /pattern"). Permitted callers get 200; anyone else 401 (anonymous) or 403,
    /// as problem details. The OpenAPI document and its reference page describe the API, not data, so they are open.
    /// </summary>
    private static readonly Dictionary<string, string> ApiAccess = new()
    {
        ["GET /api/{documentName}/openapi.json"] = Anyone,
        ["GET /api/reference/{documentName?}"] = Anyone,
        ["GET /api/reference/scalar.js"] = Anyone,
        ["GET /api/reference/scalar.aspnetcore.js"] = Anyone,
        ["GET /api/reference/favicon.svg"] = Anyone,
        ["GET /api/v1/units"] = OrganisationPermissions.UnitsView,
        ["GET /api/v1/units/{id:guid}"] = OrganisationPermissions.UnitsView,
        ["PUT /api/v1/units/{id:guid}"] = OrganisationPermissions.UnitsEdit,
        ["GET /api/v1/people"] = AccountPermissions.PeopleView,
        ["GET /api/v1/people/{id:guid}"] = AccountPermissions.PeopleView,
        ["GET /api/v1/competency-frameworks/{id:guid}/versions/{number:int}/export"] = CompetencyPermissions.FrameworksView,
        ["POST /api/v1/competency-frameworks/check"] = CompetencyPermissions.FrameworksImport,
        ["POST /api/v1/competency-frameworks/import"] = CompetencyPermissions.FrameworksImport,
        ["GET /api/v1/learning/courses/{id:guid}/cover"] = LearningPermissions.CoursesView,
        ["GET /api/v1/learning/attachments/{id:guid}"] = LearningPermissions.CoursesView,
        ["GET /api/v1/supervision/sessions"] = SupervisionPermissions.SessionsView,
        ["GET /api/v1/supervision/actions"] = SupervisionPermissions.SessionsView,
        ["GET /api/v1/supervision/sessions/{sessionId:guid}/logs/{personId:guid}"] = SupervisionPermissions.SessionsView,
        ["PUT /api/v1/supervision/logs/{id:guid}/parts/{part}"] = SupervisionPermissions.SessionsView,
        ["POST /api/v1/supervision/logs/{id:guid}/signature"] = SupervisionPermissions.SessionsView,
        ["POST /api/v1/supervision/actions/{id:guid}/done"] = SupervisionPermissions.SessionsView,
        ["GET /api/v1/supervision/hours"] = SupervisionPermissions.HoursLog,
        ["GET /api/v1/supervision/hours/totals"] = SupervisionPermissions.HoursLog,
        ["GET /api/v1/supervision/hours/requirement"] = SupervisionPermissions.HoursLog,
        ["GET /api/v1/supervision/hours/requirement/{personId:guid}"] = SupervisionPermissions.HoursReview,
        ["POST /api/v1/supervision/hours"] = SupervisionPermissions.HoursLog,
        ["POST /api/v1/supervision/hours/submission"] = SupervisionPermissions.HoursLog,
        ["GET /api/v1/supervision/hours/review"] = SupervisionPermissions.HoursReview,
        ["POST /api/v1/supervision/hours/{id:guid}/approval"] = SupervisionPermissions.HoursReview,
        ["POST /api/v1/supervision/hours/{id:guid}/rejection"] = SupervisionPermissions.HoursReview,
        ["POST /api/v1/wellbeing/instruments/{code}/score"] = WellbeingPermissions.InstrumentsManage,
        ["GET /api/v1/supervision/mentoring"] = SupervisionPermissions.SessionsView,
        ["GET /api/v1/supervision/mentoring/{id:guid}"] = SupervisionPermissions.SessionsView,
        ["POST /api/v1/supervision/mentoring/{id:guid}/goals"] = SupervisionPermissions.SessionsView,
        ["PUT /api/v1/supervision/mentoring/goals/{id:guid}/status"] = SupervisionPermissions.SessionsView,
        ["GET /api/v1/pathways/me"] = PathwaysPermissions.Own,
        ["GET /api/v1/pathways/me/certificates"] = PathwaysPermissions.Own,
        // As on the person's pathway page: those assigned to a person see it as those with the permission over their unit do.
        ["GET /api/v1/pathways/people/{personId:guid}"] = PathwaysPermissions.Own,
        ["GET /api/v1/pathways/people/{personId:guid}/certificates"] = PathwaysPermissions.Own,
        ["GET /api/v1/pathways/me/development"] = PathwaysPermissions.Own,
        ["GET /api/v1/pathways/people/{personId:guid}/development"] = PathwaysPermissions.Own,
        ["GET /api/v1/pathways/people"] = PathwaysPermissions.ProgressView,
        ["POST /api/v1/pathways/people/{personId:guid}/progression-requests"] = PathwaysPermissions.Own,
        ["GET /api/v1/pathways/progression-requests"] = PathwaysPermissions.ProgressionApprove,
        ["POST /api/v1/pathways/progression-requests/{id:guid}/approve"] = PathwaysPermissions.ProgressionApprove,
        ["POST /api/v1/pathways/progression-requests/{id:guid}/decline"] = PathwaysPermissions.ProgressionApprove,
    };

    /// <summary>
    /// Endpoints whose answer for the matrix's request is decided by a rule once the permission has let the caller in:
    /// handing in an entry that is not the caller's draft hands in nothing, which is refused with a 400.
    /// </summary>
    private static readonly HashSet<string> RuleDecides = ["POST /api/v1/supervision/hours/submission"];

    /// <summary>The demo administrator belongs to no unit, so has nowhere to count practice hours: told so, with a 400.</summary>
    private static readonly HashSet<(string Role, string Endpoint)> WithoutHomeUnit =
    [
        (BuiltInRoles.Administrator, "POST /api/v1/supervision/hours"),
    ];

    /// <summary>
    /// Endpoints about one record that only its parties may touch (a session log, an agreed action, a mentoring pair and
    /// its goals): for a record that is not theirs, permitted callers are told it does not exist, as on the pages, so
    /// "not found" is their answer.
    /// </summary>
    private static readonly HashSet<string> PartiesOnly =
    [
        "GET /api/v1/supervision/sessions/{sessionId:guid}/logs/{personId:guid}",
        "PUT /api/v1/supervision/logs/{id:guid}/parts/{part}",
        "POST /api/v1/supervision/logs/{id:guid}/signature",
        "POST /api/v1/supervision/actions/{id:guid}/done",
        "POST /api/v1/supervision/hours/{id:guid}/approval",
        "POST /api/v1/supervision/hours/{id:guid}/rejection",
        "GET /api/v1/supervision/hours/requirement/{personId:guid}",
        "GET /api/v1/supervision/mentoring/{id:guid}",
        "POST /api/v1/supervision/mentoring/{id:guid}/goals",
        "PUT /api/v1/supervision/mentoring/goals/{id:guid}/status",
    ];

    /// <summary>
    /// Asking for the demo learner's progression: everyone holds the permission, but only she and her supervisor may ask,
    /// and as she is not ready yet they are told so by the rule; anyone else is refused by the service, as on her page.
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>> AskedOnlyBy = new()
    {
        ["POST /api/v1/pathways/people/{personId:guid}/progression-requests"] = [BuiltInRoles.Learner, BuiltInRoles.Supervisor],
    };

    /// <summary>
    /// Decisions on a request already decided, sent with a version nobody read: permitted callers are told the request
    /// changed meanwhile (409), and nothing changes.
    /// </summary>
    private static readonly HashSet<string> StaleVersion =
    [
        "POST /api/v1/pathways/progression-requests/{id:guid}/approve",
        "POST /api/v1/pathways/progression-requests/{id:guid}/decline",
    ];

    private static readonly Dictionary<string, string> DemoPersonOf = new()
    {
        [BuiltInRoles.Administrator] = "admin@traininghub.example",
        [BuiltInRoles.Coordinator] = "coordinator@traininghub.example",
        [BuiltInRoles.Supervisor] = "supervisor@traininghub.example",
        [BuiltInRoles.Mentor] = "mentor@traininghub.example",
        [BuiltInRoles.Learner] = "learner@traininghub.example",
    };

    [Fact]
    public void Every_page_the_app_maps_has_a_declared_access()
    {
        var undeclared = PageRoutes().Where(route => !Access.ContainsKey(route)).ToList();

        Assert.True(undeclared.Count == 0, "Declare who may open: " + string.Join(", ", undeclared));
        Assert.Contains("/organisations/{Id:guid}/edit", PageRoutes());
    }

    [Fact]
    public async Task Anonymous_visitors_reach_only_the_public_routes()
    {
        var client = app.CreateBrowserLikeClient();
        var wrong = new List<string>();
        foreach (var (route, access) in Access)
        {
            var response = await client.GetAsync(await UrlAsync(route));
            var expected = access == Anyone ? "open" : "sign in";
            if (Outcome(response) != expected)
            {
                wrong.Add($"{route}: {Outcome(response)}, expected {expected}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>Who sees each part of the home page: holders of a permission, in the units where they hold it.</summary>
    private static readonly Dictionary<string, string> HomeParts = new()
    {
        ["MyPathwayPart"] = PathwaysPermissions.Own,
        ["PeoplePart"] = SupervisionPermissions.Supervise,
        ["OverdueLearnersPart"] = LearningPermissions.ProgressView,
        ["UnitsNeedingAttentionPart"] = WorkforcePermissions.View,
        ["CompetencyCoveragePart"] = CompetencyPermissions.GapsView,
        ["CoveragePart"] = SupervisionPermissions.AssignmentsManage,
        ["ReadyForProgressionPart"] = PathwaysPermissions.ProgressionApprove,
        ["CourseCompletionPart"] = LearningPermissions.ProgressView,
        ["BackgroundWorkPart"] = PlatformPermissions.JobsDashboard,
        ["RecentSecurityEventsPart"] = AuditPermissions.View,
    };

    /// <summary>The home page as the server first sends it to the role's demo person, every part loaded.</summary>
    private async Task<string> HomePageOfAsync(string role)
    {
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, DemoPersonOf[role]);
        return await client.GetStringAsync("/");
    }

    [Fact]
    public void Every_home_part_the_modules_provide_has_a_declared_audience()
    {
        var parts = app.Services.GetRequiredService<ModuleCatalog>().Modules.SelectMany(m => m.HomeParts)
            .Select(p => $"{p.Component.Name}: {p.Permission}").Order().ToList();

        Assert.Equal(HomeParts.Select(p => $"{p.Key}: {p.Value}").Order(), parts);
    }

    [Theory]
    [InlineData(BuiltInRoles.Administrator)]
    [InlineData(BuiltInRoles.Coordinator)]
    [InlineData(BuiltInRoles.Supervisor)]
    [InlineData(BuiltInRoles.Mentor)]
    [InlineData(BuiltInRoles.Learner)]
    public async Task Each_roles_home_page_shows_exactly_the_parts_its_permissions_allow(string role)
    {
        var permissions = app.Services.GetRequiredService<ModuleCatalog>().Permissions
            .Where(p => p.GrantedByDefaultTo.Contains(role)).Select(p => p.Name).ToHashSet();

        var html = await HomePageOfAsync(role);

        var shown = System.Text.RegularExpressions.Regex.Matches(html, "data-part=\"([A-Za-z]+)\"").Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(HomeParts.Where(p => permissions.Contains(p.Value)).Select(p => p.Key).Order(), shown);
    }

    [Theory]
    [InlineData(BuiltInRoles.Coordinator, "Львів")]
    [InlineData(BuiltInRoles.Supervisor, "Львів")]
    [InlineData(BuiltInRoles.Supervisor, "Коростенська міська громада")]
    [InlineData(BuiltInRoles.Mentor, "Львів")]
    [InlineData(BuiltInRoles.Learner, "Львів")]
    public async Task Nobody_sees_another_areas_figures_on_their_home_page(string role, string elsewhere)
    {
        var html = await HomePageOfAsync(role);

        Assert.Contains("data-section=", html);
        Assert.DoesNotContain(elsewhere, html);
    }

    [Theory]
    [InlineData(BuiltInRoles.Administrator)]
    [InlineData(BuiltInRoles.Coordinator)]
    [InlineData(BuiltInRoles.Supervisor)]
    [InlineData(BuiltInRoles.Mentor)]
    [InlineData(BuiltInRoles.Learner)]
    public async Task Each_role_reaches_exactly_what_its_permissions_allow(string role)
    {
        var permissions = app.Services.GetRequiredService<ModuleCatalog>().Permissions
            .Where(p => p.GrantedByDefaultTo.Contains(role)).Select(p => p.Name).ToHashSet();
        var client = app.CreateBrowserLikeClient();
        await TrainingHubApp.SignInAsync(client, DemoPersonOf[role]);
        var wrong = new List<string>();
        foreach (var (route, access) in Access.Where(a => a.Value != Anyone))
        {
            var response = await client.GetAsync(await UrlAsync(route));
            var expected = access == SignedIn || permissions.Contains(access) ? "open" : "refused";
            if (Outcome(response) != expected)
            {
                wrong.Add($"{route}: {Outcome(response)}, expected {expected}");
            }
        }
        Assert.True(wrong.Count == 0, $"{role}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_API_endpoint_the_app_maps_has_a_declared_access()
    {
        var undeclared = ApiEndpoints().Where(endpoint => !ApiAccess.ContainsKey(endpoint)).ToList();

        Assert.True(undeclared.Count == 0, "Declare who may call: " + string.Join(", ", undeclared));
        Assert.Contains("PUT /api/v1/units/{id:guid}", ApiEndpoints());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problem_details_from_the_API_never_a_redirect()
    {
        var client = app.CreateBrowserLikeClient();
        var wrong = new List<string>();
        foreach (var (endpoint, access) in ApiAccess)
        {
            var response = await client.SendAsync(await ApiRequestAsync(endpoint));
            var expected = access == Anyone ? "open" : "sign in";
            if (await ApiOutcomeAsync(response) != expected)
            {
                wrong.Add($"{endpoint}: {await ApiOutcomeAsync(response)}, expected {expected}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData(BuiltInRoles.Administrator)]
    [InlineData(BuiltInRoles.Coordinator)]
    [InlineData(BuiltInRoles.Supervisor)]
    [InlineData(BuiltInRoles.Mentor)]
    [InlineData(BuiltInRoles.Learner)]
    public async Task Each_role_gets_from_the_API_exactly_what_its_permissions_allow(string role)
    {
        var permissions = app.Services.GetRequiredService<ModuleCatalog>().Permissions
            .Where(p => p.GrantedByDefaultTo.Contains(role)).Select(p => p.Name).ToHashSet();
        var client = await app.CreateApiClientAsync(DemoPersonOf[role]);
        var wrong = new List<string>();
        foreach (var (endpoint, access) in ApiAccess.Where(a => a.Value != Anyone))
        {
            var response = await client.SendAsync(await ApiRequestAsync(endpoint));
            var expected = access == SignedIn || permissions.Contains(access) ? PermittedApiOutcome(role, endpoint) : "refused";
            if (await ApiOutcomeAsync(response) != expected)
            {
                wrong.Add($"{endpoint}: {await ApiOutcomeAsync(response)}, expected {expected}");
            }
        }
        Assert.True(wrong.Count == 0, $"{role}:\n" + string.Join("\n", wrong));
    }

    /// <summary>What a caller the permission lets in gets for the matrix's request to the endpoint.</summary>
    private static string PermittedApiOutcome(string role, string endpoint) =>
        PartiesOnly.Contains(endpoint) ? "not found"
        : StaleVersion.Contains(endpoint) ? "stale"
        : AskedOnlyBy.TryGetValue(endpoint, out var askers) ? (askers.Contains(role) ? "refused by a rule" : "refused")
        : RuleDecides.Contains(endpoint) || WithoutHomeUnit.Contains((role, endpoint)) ? "refused by a rule"
        : "open";

    private IEnumerable<string> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"]))
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(method => $"{method} {e.Pattern}"))
            .Distinct();

    /// <summary>
    /// A request to an API endpoint with its parameters filled in with a unit and a person every demo role's area contains;
    /// a change sends the unit as it is, so it succeeds without changing anything.
    /// </summary>
    private async Task<HttpRequestMessage> ApiRequestAsync(string endpoint)
    {
        var (method, route) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var unit = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
        string url;
        using (var scope = app.Services.CreateScope())
        {
            var learner = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoPersonOf[BuiltInRoles.Learner]);
            url = route
                .Replace("/units/{id:guid}", $"/units/{unit!.Id}")
                .Replace("/people/{id:guid}", $"/people/{learner!.Id}")
                .Replace("{documentName}", "v1")
                .Replace("{documentName?}", "");
        }
        if (route.Contains("/competency-frameworks/{id:guid}", StringComparison.Ordinal))
        {
            url = url.Replace("{id:guid}", (await DemoFrameworkIdAsync()).ToString()).Replace("{number:int}", "1");
        }
        if (route.StartsWith("/api/v1/learning/", StringComparison.Ordinal))
        {
            var (courseId, attachmentId) = await PublishedCourseFilesAsync();
            url = url.Replace("/courses/{id:guid}", $"/courses/{courseId}").Replace("/attachments/{id:guid}", $"/attachments/{attachmentId}");
        }
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (route.StartsWith("/api/v1/competency-frameworks/", StringComparison.Ordinal) && method == HttpMethods.Post)
        {
            // The demo framework under a code of its own each time, so that every permitted caller's import succeeds.
            request.Content = new StringContent(DemoFrameworkCsv().Replace("CP-INCL", "CP-" + Guid.NewGuid().ToString("N")[..8]), Encoding.UTF8, "text/csv");
        }
        if (route.StartsWith("/api/v1/supervision/", StringComparison.Ordinal))
        {
            // Records nobody has: the parties' check, not the permission, answers.
            url = url.Replace("{sessionId:guid}", Guid.NewGuid().ToString()).Replace("{personId:guid}", Guid.NewGuid().ToString())
                .Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{part}", "topics");
            var supervisionRequest = new HttpRequestMessage(new HttpMethod(method), url);
            if (route == "/api/v1/supervision/hours")
            {
                // A quarter of an hour of yesterday, which every permitted caller with a home unit may log (a day holds many).
                supervisionRequest.Content = JsonContent.Create(new
                {
                    date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), hours = 0.25m, activityTypeId = TrainingHub.Supervision.Hours.ActivityType.Training,
                });
            }
            else if (method != HttpMethods.Get)
            {
                supervisionRequest.Content = JsonContent.Create(new
                {
                    text = "", version = Guid.Empty, entryIds = new[] { Guid.NewGuid() }, reason = "—", status = "Achieved",
                });
            }
            return supervisionRequest;
        }
        if (route.StartsWith("/api/v1/pathways/", StringComparison.Ordinal))
        {
            // The demo learner, whom every demo role may see, and a request about her that is already decided.
            using var scope = app.Services.CreateScope();
            var learner = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoPersonOf[BuiltInRoles.Learner]);
            var pathwaysRequest = new HttpRequestMessage(new HttpMethod(method),
                url.Replace("{personId:guid}", learner!.Id.ToString()).Replace("{id:guid}", (await DecidedProgressionRequestAsync()).ToString()));
            if (method != HttpMethods.Get)
            {
                pathwaysRequest.Content = JsonContent.Create(new { note = "—", version = Guid.NewGuid(), reason = "—" });
            }
            return pathwaysRequest;
        }
        if (route.StartsWith("/api/v1/wellbeing/instruments/", StringComparison.Ordinal))
        {
            // Trying the built-in instrument on one answer stores nothing, so every permitted caller may.
            request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{code}", "cbi"))
            {
                Content = JsonContent.Create(new { answers = new Dictionary<string, int> { ["personal.1"] = 0 } }),
            };
        }
        if (method == HttpMethods.Put)
        {
            var admin = await app.CreateApiClientAsync(DemoPersonOf[BuiltInRoles.Administrator]);
            request.Content = JsonContent.Create(await admin.GetFromJsonAsync<JsonObject>(url));
        }
        return request;
    }

    /// <summary>A declined request of the demo learner to move on, written straight to the database once per app.</summary>
    private async Task<Guid> DecidedProgressionRequestAsync()
    {
        var learner = (await app.Services.GetRequiredService<IPeopleLookup>().FindByEmailAsync(DemoPersonOf[BuiltInRoles.Learner]))!;
        await using var db = app.Services.GetRequiredService<IDbContextFactory<TrainingHub.Pathways.Data.PathwaysDbContext>>().CreateDbContext();
        if (await db.Requests.FirstOrDefaultAsync(r => r.PersonId == learner.Id) is { } decided)
        {
            return decided.Id;
        }
        var placement = await db.Placements.SingleAsync(p => p.PersonId == learner.Id);
        var request = new TrainingHub.Pathways.Progression.ProgressionRequest
        {
            PlacementId = placement.Id, PersonId = learner.Id, UnitId = placement.UnitId, ToStage = placement.Stage + 1, RequestedById = learner.Id,
            RequestedAt = DateTimeOffset.UtcNow, Status = TrainingHub.Pathways.Progression.RequestStatus.Declined, DecidedById = learner.Id,
            DecidedAt = DateTimeOffset.UtcNow, Reason = "Матриця доступу",
        };
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task<Guid> DemoFrameworkIdAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<TrainingHub.Competencies.Data.CompetenciesDbContext>>().CreateDbContext();
        return await db.Frameworks.Where(f => f.NormalizedCode == "CP-INCL").Select(f => f.Id).SingleAsync();
    }

    /// <summary>A published course open to everyone, with a cover and a lesson attachment, which every role may fetch.</summary>
    private async Task<(Guid CourseId, Guid AttachmentId)> PublishedCourseFilesAsync()
    {
        var unit = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        var course = new Course { Title = "Матриця доступу", Status = CourseStatus.Published, OwningUnitId = unit!.Id, OpenForSelfEnrolment = true };
        var section = new CourseSection { CourseId = course.Id, Title = "Розділ" };
        var lesson = new Lesson { CourseId = course.Id, SectionId = section.Id, Title = "Урок" };
        var attachment = new LessonAttachment { CourseId = course.Id, LessonId = lesson.Id, FileName = "схема.png", ContentType = "image/png", Size = png.Length, Content = png };
        await using var db = app.Services.GetRequiredService<IDbContextFactory<LearningDbContext>>().CreateDbContext();
        db.AddRange(course, new CourseCover { CourseId = course.Id, ContentType = "image/png", Content = png }, section, lesson, attachment);
        await db.SaveChangesAsync();
        return (course.Id, attachment.Id);
    }

    private async Task<Guid> DemoVersionIdAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<TrainingHub.Competencies.Data.CompetenciesDbContext>>().CreateDbContext();
        var frameworkId = await DemoFrameworkIdAsync();
        return await db.FrameworkVersions.Where(v => v.FrameworkId == frameworkId && v.Status == TrainingHub.Competencies.Domain.FrameworkStatus.Published)
            .Select(v => v.Id).SingleAsync();
    }

    private static string DemoFrameworkCsv()
    {
        using var stream = typeof(TrainingHub.Competencies.CompetenciesModule).Assembly
            .GetManifestResourceStream("TrainingHub.Competencies.DemoData.inclusive-child-protection.csv")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static async Task<string> ApiOutcomeAsync(HttpResponseMessage response)
    {
        var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => "open",
            HttpStatusCode.Unauthorized when isProblem && response.Headers.Location is null => "sign in",
            HttpStatusCode.Forbidden when isProblem && response.Headers.Location is null => "refused",
            HttpStatusCode.NotFound when isProblem => "not found",
            HttpStatusCode.BadRequest when isProblem => "refused by a rule",
            HttpStatusCode.Conflict when isProblem => "stale",
            _ => $"{(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}".Trim(),
        };
    }

    private IEnumerable<string> PageRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct();

    /// <summary>A route with its parameters filled in with a unit and a person every demo role's area contains.</summary>
    private async Task<string> UrlAsync(string route)
    {
        if (route.StartsWith("/organisations/{Id", StringComparison.Ordinal))
        {
            var unit = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
            return route.Replace("{Id:guid}", unit!.Id.ToString());
        }
        if (route.StartsWith("/competencies/people/{", StringComparison.Ordinal) || route.StartsWith("/pathways/people/{", StringComparison.Ordinal))
        {
            using var scope = app.Services.CreateScope();
            var learner = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoPersonOf[BuiltInRoles.Learner]);
            return route.Replace("{PersonId:guid}", learner!.Id.ToString());
        }
        if (route.StartsWith("/pathways/development/trainings/{", StringComparison.Ordinal))
        {
            // The learner's own certificate: those who may see the learner's pathway (every demo role) open it.
            var id = await DemoTrainings.AddAsync(app, DemoPersonOf[BuiltInRoles.Learner]);
            return route.Replace("{id:guid}", id.ToString());
        }
        if (route.StartsWith("/competencies/evidence/{", StringComparison.Ordinal))
        {
            var id = await DemoEvidence.AddFileAsync(app, DemoPersonOf[BuiltInRoles.Learner], "%PDF-1.7\n%%EOF\n"u8.ToArray(), "certificate.pdf");
            return route.Replace("{id:guid}", id.ToString());
        }
        if (route == "/competencies/gaps/export")
        {
            // Zhytomyr City Hromada lies in every demo role's area, so only the permission decides.
            var hromada = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
            return $"{route}?version={await DemoVersionIdAsync()}&unit={hromada!.Id}&format=csv";
        }
        if (route == "/supervision/calendar/{secret}.ics")
        {
            var secret = Guid.NewGuid().ToString("N");
            using var scope = app.Services.CreateScope();
            var learner = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoPersonOf[BuiltInRoles.Learner]);
            await using var db = app.Services.GetRequiredService<IDbContextFactory<TrainingHub.Supervision.Data.SupervisionDbContext>>().CreateDbContext();
            await db.CalendarFeeds.Where(f => f.PersonId == learner!.Id).ExecuteDeleteAsync();
            db.CalendarFeeds.Add(new TrainingHub.Supervision.Sessions.CalendarFeed
            {
                PersonId = learner!.Id, SecretHash = TrainingHub.Supervision.Sessions.CalendarFeed.Hash(secret), CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            return route.Replace("{secret}", secret);
        }
        if (route == "/supervision/coverage/export")
        {
            var hromada = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
            return $"{route}?unit={hromada!.Id}&format=xlsx";
        }
        if (route == "/wellbeing/reports/export")
        {
            var hromada = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
            return $"{route}?unit={hromada!.Id}&format=csv";
        }
        if (route == "/pathways/reports/export")
        {
            var hromada = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
            return $"{route}?unit={hromada!.Id}&format=csv";
        }
        if (route == "/workforce/dashboard/export")
        {
            var hromada = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
            return $"{route}?unit={hromada!.Id}&format=svg";
        }
        if (route == "/workforce/competence/export")
        {
            var hromada = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
            return $"{route}?unit={hromada!.Id}&part=heatmap&format=png";
        }
        if (route == "/workforce/staffing/export")
        {
            var hromada = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
            return $"{route}?unit={hromada!.Id}&format=xlsx";
        }
        if (route == "/learning/reports/export")
        {
            var hromada = await app.Services.GetRequiredService<IOrganisationDirectory>().FindByKatottgAsync("UA18040470000082484");
            return $"{route}?unit={hromada!.Id}&format=csv";
        }
        if (route.StartsWith("/supervision/sessions/{", StringComparison.Ordinal))
        {
            // The permission is checked before the page looks the meeting up; an unknown one then says "not found".
            return route.Replace("{SessionId:guid}", Guid.NewGuid().ToString()).Replace("{PersonId:guid}", Guid.NewGuid().ToString());
        }
        if (route.StartsWith("/pathways/certificates/{", StringComparison.Ordinal) || route.StartsWith("/badges/", StringComparison.Ordinal)
            || route == "/verify/{Number}")
        {
            var certificate = await DemoCertificates.LearnersAsync(app);
            return route.Replace("{id:guid}", certificate.Id.ToString()).Replace("{number}", certificate.Number).Replace("{Number}", certificate.Number)
                .Replace("{template}", certificate.TemplateCode).Replace("{stage:int}", certificate.Stage.ToString(CultureInfo.InvariantCulture))
                .Replace("{unitId:guid}", certificate.UnitId!.Value.ToString());
        }
        if (route.StartsWith("/pathways/qualifications/{", StringComparison.Ordinal))
        {
            return route.Replace("{Code}", "social-worker");
        }
        if (route.StartsWith("/pathways/templates/{", StringComparison.Ordinal))
        {
            return route.Replace("{Code}", "volunteer-to-social-worker");
        }
        if (route.StartsWith("/wellbeing/instruments/{", StringComparison.Ordinal))
        {
            return route.Replace("{Code}", "cbi");
        }
        if (route.StartsWith("/wellbeing/check-ins/{", StringComparison.Ordinal))
        {
            // Only one's own invitation opens a round; any other is "not found", after the permission.
            return route.Replace("{RoundId:guid}", Guid.NewGuid().ToString());
        }
        if (route.StartsWith("/supervision/mentoring/{", StringComparison.Ordinal))
        {
            // As for meetings: the permission first, then an unknown pair is "not found".
            return route.Replace("{AssignmentId:guid}", Guid.NewGuid().ToString());
        }
        return route.StartsWith("/people/{Id", StringComparison.Ordinal) || route.StartsWith("/roles/{Id", StringComparison.Ordinal)
            || route.StartsWith("/competencies/frameworks/{Id", StringComparison.Ordinal) || route.StartsWith("/learning/courses/{Id", StringComparison.Ordinal)
            ? route.Replace("{Id:guid}", Guid.NewGuid().ToString()).Replace("{LessonId:guid}", Guid.NewGuid().ToString())
            : route;
    }

    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => "open",
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.OrdinalIgnoreCase) => "sign in",
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase) => "refused",
        HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => "refused",
        _ => $"{(int)response.StatusCode}",
    };
}
