using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TrainingHub.Accounts;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Notifications.Contracts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.Supervision.Contracts;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.CheckIns;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Data;
using TrainingHub.Wellbeing.Support;
using TrainingHub.Wellbeing.Tests.CheckIns;

namespace TrainingHub.Wellbeing.Tests.Support;

/// <summary>
/// The demo learner's personal burnout score is high, so her check-ins page offers to ask her supervisor for a
/// supportive conversation: what the dialog says with and without a supervisor, what reaches supervision (her scores only
/// when she ticks to share them), and that she asks once a round, for herself alone.
/// </summary>
public sealed class ConversationRequestTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
    private readonly Supervisors _supervisors = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;
    private Guid _round;
    private Guid _learner;

    public async ValueTask InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()],
            new Dictionary<string, string?> { ["DemoData:Enabled"] = "true" },
            services => services.AddSingleton<TimeProvider>(_clock).AddSingleton<IReminders>(new RecordingReminders())
                .AddSingleton<ISupervisionAssignments>(_supervisors));
        _round = await CityRound.OpenAsync(_host);
        _learner = await ActAsAsync("learner@traininghub.example");
        var checkIns = _host.Get<MyCheckIns>();
        await checkIns.OpenAsync(_round);
        foreach (var item in new[] { "personal.1", "personal.2", "personal.3", "work.1", "work.2", "work.3", "work.4" })
        {
            await checkIns.AnswerAsync(_round, item, item.StartsWith("personal") ? 1 : 3);
        }
        await checkIns.SubmitAsync(_round);
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    private async Task<Guid> ActAsAsync(string email)
    {
        var id = (await _host.Get<IPeopleLookup>().FindByEmailAsync(email))!.Id;
        _host.User.ActingAs(id, new PermissionGrant(WellbeingPermissions.CheckIn, null));
        return id;
    }

    private async Task SuperviseLearnerAsync() =>
        _supervisors.Of[_learner] = (await _host.Get<IPeopleLookup>().FindByEmailAsync("supervisor@traininghub.example"))!.Id;

    private Task<IReadOnlyList<ConversationRequested>> SentAsync() => _host.PublishedAsync<ConversationRequested, WellbeingDbContext>();

    /// <summary>Opens the dialog from the offer beside her scores.</summary>
    private (IRenderedComponent<MyCheckInsPage> Page, RenderedProviders Providers) OpenDialog()
    {
        var providers = _pages.RenderProviders();
        var page = _pages.Render<MyCheckInsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#support-offer #ask-conversation")));
        page.Find("#ask-conversation").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.NotNull(providers.Dialogs.Find("#conversation-cancel")));
        return (page, providers);
    }

    [Fact]
    public async Task Without_a_supervisor_the_dialog_says_so_kindly_points_to_the_resources_and_sends_nothing()
    {
        var (page, providers) = OpenDialog();

        Assert.Contains("Зараз за вами не закріплено супервізора", providers.Dialogs.Find("#conversation-no-supervisor").TextContent);
        Assert.Contains("Служби підтримки, перелічені тут", providers.Dialogs.Find("#conversation-no-supervisor").TextContent);
        Assert.Empty(providers.Dialogs.FindAll("#conversation-send"));
        Assert.Empty(providers.Dialogs.FindAll("#conversation-share"));
        providers.Dialogs.Find("#conversation-cancel").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#ask-conversation")));
        Assert.Contains("Lifeline Ukraine", page.Find("#support-resources").TextContent);
        Assert.Empty(await SentAsync());
    }

    [Fact]
    public async Task Sent_without_ticking_the_request_names_her_supervisor_carries_her_note_and_no_scores_and_the_page_says_when_she_asked()
    {
        await SuperviseLearnerAsync();
        var (page, providers) = OpenDialog();

        Assert.Equal("Ваше прохання отримає Марія Супервізорка, ваш супервізор.", providers.Dialogs.Find("#conversation-to").TextContent);
        Assert.False(providers.Dialogs.Find("#conversation-share input, input#conversation-share").HasAttribute("checked"));
        providers.Dialogs.Find("#conversation-note textarea, textarea#conversation-note").Change("Зручно в четвер після обіду");
        providers.Dialogs.Find("#conversation-send").Click();

        page.WaitForAssertion(() => Assert.Contains("Ви попросили супервізора про підтримувальну розмову 02.03.2026.", page.Find("#conversation-asked").TextContent));
        Assert.Contains("Ваші оцінки не передано.", page.Find("#conversation-asked").TextContent);
        Assert.Empty(page.FindAll("#ask-conversation"));
        var sent = Assert.Single(await SentAsync());
        Assert.Equal((_learner, "Зручно в четвер після обіду", _clock.GetUtcNow()), (sent.PersonId, sent.Note, sent.RequestedAt));
        Assert.Null(sent.Scores);
    }

    [Fact]
    public async Task Ticking_to_share_sends_her_latest_scores_named_in_both_languages_and_the_page_says_she_shared_them()
    {
        await SuperviseLearnerAsync();
        var (page, providers) = OpenDialog();

        providers.Dialogs.Find("#conversation-share input, input#conversation-share").Change(true);
        providers.Dialogs.Find("#conversation-send").Click();

        page.WaitForAssertion(() => Assert.Contains("Ви поділилися своїми оцінками із супервізором.", page.Find("#conversation-asked").TextContent));
        var sent = Assert.Single(await SentAsync());
        Assert.Null(sent.Note);
        Assert.Equal(
            [new SharedScore("personal", "Особисте вигорання", "Personal burnout", 75m, true), new SharedScore("work", "Вигорання, пов'язане з роботою", "Work-related burnout", 25m, false)],
            sent.Scores);
    }

    [Fact]
    public async Task Deleting_her_answers_withdraws_the_scores_she_shared_from_her_supervisor_once()
    {
        await SuperviseLearnerAsync();
        await _host.Get<ConversationRequests>().AskAsync(_round, new ConversationInput { ShareScores = true, Note = "Четвер" });
        var sent = Assert.Single(await SentAsync());

        var deleted = await _host.Get<MyCheckIns>().DeleteAsync(_round);
        var again = await _host.Get<MyCheckIns>().DeleteAsync(_round);
        var withdrawn = await _host.PublishedAsync<SharedScoresWithdrawn, WellbeingDbContext>();

        Assert.True(deleted.Succeeded);
        Assert.Equal(ErrorKind.NotFound, again.Error!.Kind);
        Assert.Equal([sent.RequestId], withdrawn.Select(w => w.RequestId));
    }

    [Fact]
    public async Task She_asks_once_a_round_and_for_herself_alone()
    {
        await SuperviseLearnerAsync();
        var requests = _host.Get<ConversationRequests>();

        var first = await requests.AskAsync(_round, new ConversationInput());
        var again = await requests.AskAsync(_round, new ConversationInput { ShareScores = true });
        var tooLong = await requests.AskAsync(_round, new ConversationInput { Note = new string('а', ConversationRequested.MaxNoteLength + 1) });
        var supervisor = await ActAsAsync("supervisor@traininghub.example");
        _supervisors.Of[supervisor] = _learner;
        var forHer = await _host.Get<ConversationRequests>().AskAsync(_round, new ConversationInput { ShareScores = true });
        var herOffer = await _host.Get<ConversationRequests>().OfferAsync(_round);
        _host.User.ActingAs(supervisor);
        var withoutPermission = await _host.Get<ConversationRequests>().AskAsync(_round, new ConversationInput());

        Assert.True(first.Succeeded);
        Assert.Equal("Support:Error:AlreadyAsked", again.Error!.Key);
        Assert.Equal("Support:Error:NoteTooLong", tooLong.Error!.ErrorFor(nameof(ConversationInput.Note)));
        Assert.Equal(ErrorKind.NotFound, forHer.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, herOffer.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, withoutPermission.Error!.Kind);
        Assert.Equal([_learner], (await SentAsync()).Select(s => s.PersonId));
    }

    /// <summary>Stands in for the supervision module: who supervises whom today.</summary>
    private sealed class Supervisors : ISupervisionAssignments
    {
        public Dictionary<Guid, Guid> Of { get; } = [];

        public Task<PersonAssignees> CurrentAsync(Guid personId, CancellationToken cancellationToken = default) =>
            Task.FromResult(Of.TryGetValue(personId, out var supervisor) ? new PersonAssignees(supervisor, [], null) : PersonAssignees.None);
    }
}
