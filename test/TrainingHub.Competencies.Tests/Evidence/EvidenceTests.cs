using Microsoft.Extensions.DependencyInjection;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Contracts;
using TrainingHub.Competencies.Domain;
using TrainingHub.Competencies.Services;
using TrainingHub.Competencies.Tests.Ratings;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;

namespace TrainingHub.Competencies.Tests.Evidence;

/// <summary>Evidence recorded by people, assessors and the learning module, and cited by ratings, on SQLite and PostgreSQL.</summary>
public abstract class EvidenceTests(ITestDatabaseServer server) : IAsyncLifetime
{
    private readonly FakePeople _people = new();
    private readonly FakeUnits _units = new();
    private readonly ActingPerson _acting = new();
    private ModuleTestHost _host = null!;
    private Guid _frameworkId;
    private Guid _rights;
    private Guid _crisis;
    private PersonContact _worker = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new CompetenciesModule()], replace: services =>
        {
            services.AddSingleton<IPeopleLookup>(_people);
            services.AddSingleton<IPositionTypes>(_people);
            services.AddSingleton<IUnitHierarchy>(_units);
            services.AddScoped<ICurrentUser>(_ => _acting);
        });
        ActAs(Guid.NewGuid(), new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.FrameworksEdit, _units.Rivne));
        var catalogue = _host.Get<FrameworkCatalogue>();
        var tree = _host.Get<FrameworkTree>();
        _frameworkId = await catalogue.CreateAsync("ICP", "Захист дітей", "Child protection");
        var versionId = (await catalogue.GetAsync(_frameworkId)).Value.VersionId;
        var area = await tree.AddAsync(versionId, null, NodeKind.Area, "A1", "Законодавство");
        _rights = await tree.AddAsync(versionId, area, NodeKind.Competency, "A1.1", "Права дитини", "Child rights");
        _crisis = await tree.AddAsync(versionId, area, NodeKind.Competency, "A1.2", "Кризове втручання", "Crisis response");
        var draft = (await catalogue.GetAsync(_frameworkId)).Value;
        Assert.True((await catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded);
        Assert.True((await _host.Get<RoleProfiles>().SetAsync(_people.SocialWorker.Id, _rights, 3)).Succeeded);
        Assert.True((await _host.Get<RoleProfiles>().SetAsync(_people.SocialWorker.Id, _crisis, 3)).Succeeded);
        _worker = _people.Add("Ірина Коваль", _units.Lutsk, _people.SocialWorker.Id);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private void ActAs(Guid personId, params PermissionGrant[] grants) => _acting.Principal = TestUser.PrincipalWith(personId, grants);

    private void ActAsLearner(PersonContact learner) => ActAs(learner.Id, new PermissionGrant(CompetencyPermissions.FrameworksView, null));

    private void ActAsCoordinatorOf(Guid unitId) =>
        ActAs(_people.Add("Олена Координаторка", unitId, null).Id, new PermissionGrant(CompetencyPermissions.RatingsRate, unitId));

    private async Task<Guid> AddPriorLearningAsync(PersonContact learner, Guid competencyId, string title, byte[]? file = null, string? link = null)
    {
        ActAsLearner(learner);
        var added = await _host.Get<CompetencyEvidence>().AddPriorLearningAsync(
            competencyId, new EvidenceInput { Title = title, Link = link }, file is null ? null : new UploadedFile(file, "certificate.docx"));
        Assert.True(added.Succeeded, added.Error?.ToString());
        return added.Value;
    }

    private async Task<IReadOnlyList<EvidenceEntry>> EvidenceOfAsync(Guid personId) => (await _host.Get<CompetencyEvidence>().ForPersonAsync(personId)).Value;

    [Fact]
    public async Task A_person_adds_prior_learning_and_an_assessor_rates_citing_it_with_their_own_observation()
    {
        var docx = DocumentSamples.Docx();
        var certificate = await AddPriorLearningAsync(_worker, _rights, "Курс «Права дитини», 2024", docx, "https://osvita.example/certificate/42");
        var ownView = await EvidenceOfAsync(_worker.Id);
        var ownDownload = (await _host.Get<CompetencyEvidence>().OpenFileAsync(certificate)).Value;

        ActAsCoordinatorOf(_units.Volyn);
        var evidence = _host.Get<CompetencyEvidence>();
        var observation = await evidence.AddForPersonAsync(_worker.Id, _rights, EvidenceKind.Observation,
            new EvidenceInput { Title = "Провела оцінку потреб родини на виїзді", Note = "Без підказок" });
        var hours = await evidence.AddForPersonAsync(_worker.Id, _crisis, EvidenceKind.PracticeHours, new EvidenceInput { Title = "Супервізована практика", Hours = 12.5m });
        var rated = await _host.Get<CompetencyRatings>().RateAsync(_worker.Id, _rights, 3, "Самостійно веде випадки", [certificate, observation.Value]);
        var assessorView = await EvidenceOfAsync(_worker.Id);
        var assessorDownload = (await evidence.OpenFileAsync(certificate)).Value;
        ActAsLearner(_worker);
        var rights = (await _host.Get<CompetencyRatings>().MineAsync()).Value.Frameworks.Single().Competencies.Single(c => c.Code == "A1.1");

        var own = Assert.Single(ownView);
        Assert.Equal((EvidenceKind.PriorLearning, "certificate.docx", "Ірина Коваль", true), (own.Kind, own.FileName, own.RecordedByName, own.CanDelete));
        Assert.Equal(docx, ownDownload.Content);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ownDownload.ContentType);
        Assert.True(observation.Succeeded && hours.Succeeded && rated.Succeeded, rated.Error?.ToString());
        Assert.Equal(docx, assessorDownload.Content);
        Assert.Equal(3, assessorView.Count);
        Assert.All(assessorView, e => Assert.False(e.CanDelete));
        Assert.Equal(12.5m, assessorView.Single(e => e.Kind == EvidenceKind.PracticeHours).Hours);
        Assert.Equal("Олена Координаторка", assessorView.Single(e => e.Kind == EvidenceKind.Observation).RecordedByName);
        Assert.Equal(["Курс «Права дитини», 2024", "Провела оцінку потреб родини на виїзді"], rights.History.Single().Evidence.Select(e => e.Title).Order());
        Assert.True((await EvidenceOfAsync(_worker.Id)).Single(e => e.Id == certificate).IsCited);
    }

    [Fact]
    public async Task A_rating_cannot_cite_evidence_of_another_person_or_another_competency()
    {
        var colleague = _people.Add("Оксана Мельник", _units.Lutsk, _people.SocialWorker.Id);
        var workersRights = await AddPriorLearningAsync(_worker, _rights, "Сертифікат", link: "https://osvita.example/1");
        var colleaguesRights = await AddPriorLearningAsync(colleague, _rights, "Сертифікат колеги", link: "https://osvita.example/2");

        ActAsCoordinatorOf(_units.Volyn);
        var ratings = _host.Get<CompetencyRatings>();
        var otherPerson = await ratings.RateAsync(_worker.Id, _rights, 3, "Бачила роботу", [colleaguesRights]);
        var otherCompetency = await ratings.RateAsync(_worker.Id, _crisis, 3, "Бачила роботу", [workersRights]);
        var unknown = await ratings.RateAsync(_worker.Id, _rights, 3, "Бачила роботу", [Guid.NewGuid()]);
        var own = await ratings.RateAsync(_worker.Id, _rights, 3, "Бачила роботу", [workersRights]);

        Assert.Equal("Error:EvidenceNotOfThisCompetency", otherPerson.Error!.ErrorFor("Evidence"));
        Assert.Equal("Error:EvidenceNotOfThisCompetency", otherCompetency.Error!.ErrorFor("Evidence"));
        Assert.Equal("Error:EvidenceNotOfThisCompetency", unknown.Error!.ErrorFor("Evidence"));
        Assert.True(own.Succeeded, own.Error?.ToString());
        var history = (await ratings.ForPersonAsync(_worker.Id)).Value.Frameworks.Single().Competencies.SelectMany(c => c.History).ToList();
        Assert.Equal(["Сертифікат"], history.SelectMany(h => h.Evidence).Select(e => e.Title));
    }

    [Fact]
    public async Task Another_learner_or_an_assessor_out_of_scope_neither_reads_nor_downloads_nor_adds_evidence()
    {
        var certificate = await AddPriorLearningAsync(_worker, _rights, "Сертифікат", DocumentSamples.Pdf());
        var colleague = _people.Add("Оксана Мельник", _units.Lutsk, _people.SocialWorker.Id);

        ActAsLearner(colleague);
        var learnerRead = await _host.Get<CompetencyEvidence>().ForPersonAsync(_worker.Id);
        var learnerDownload = await _host.Get<CompetencyEvidence>().OpenFileAsync(certificate);
        var learnerDelete = await _host.Get<CompetencyEvidence>().DeleteAsync(certificate);
        var learnerObserves = await _host.Get<CompetencyEvidence>().AddForPersonAsync(_worker.Id, _rights, EvidenceKind.Observation, new EvidenceInput { Title = "Бачила" });
        ActAsCoordinatorOf(_units.Rivne);
        var outOfScopeRead = await _host.Get<CompetencyEvidence>().ForPersonAsync(_worker.Id);
        var outOfScopeDownload = await _host.Get<CompetencyEvidence>().OpenFileAsync(certificate);
        var outOfScopeObserves = await _host.Get<CompetencyEvidence>().AddForPersonAsync(_worker.Id, _rights, EvidenceKind.Observation, new EvidenceInput { Title = "Бачила" });
        var outOfScopeRates = await _host.Get<CompetencyRatings>().RateAsync(_worker.Id, _rights, 3, "Бачила", [certificate]);
        ActAsCoordinatorOf(_units.Volyn);
        var inScopeDownload = await _host.Get<CompetencyEvidence>().OpenFileAsync(certificate);
        var inScopePriorLearning = await _host.Get<CompetencyEvidence>().AddForPersonAsync(_worker.Id, _rights, EvidenceKind.PriorLearning, new EvidenceInput { Title = "Чужий диплом" });

        Assert.Equal(ErrorKind.Forbidden, learnerRead.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, learnerDownload.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, learnerDelete.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, learnerObserves.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, outOfScopeRead.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, outOfScopeDownload.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, outOfScopeObserves.Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, outOfScopeRates.Error!.Kind);
        Assert.Equal("application/pdf", inScopeDownload.Value.ContentType);
        Assert.Equal(ErrorKind.Forbidden, inScopePriorLearning.Error!.Kind);
        ActAsLearner(_worker);
        Assert.Equal(["Сертифікат"], (await EvidenceOfAsync(_worker.Id)).Select(e => e.Title));
    }

    [Fact]
    public async Task Evidence_is_checked_before_it_is_kept()
    {
        var volunteer = _people.Add("Андрій Волонтер", _units.Lutsk, _people.Volunteer.Id);
        ActAsLearner(_worker);
        var evidence = _host.Get<CompetencyEvidence>();
        var nothingAttached = await evidence.AddPriorLearningAsync(_rights, new EvidenceInput { Title = "Сертифікат" }, null);
        var scriptLink = await evidence.AddPriorLearningAsync(_rights, new EvidenceInput { Title = "Сертифікат", Link = "javascript:alert(1)" }, null);
        var noTitle = await evidence.AddPriorLearningAsync(_rights, new EvidenceInput { Title = " ", Link = "https://osvita.example/1" }, null);
        var renamedPage = await evidence.AddPriorLearningAsync(_rights, new EvidenceInput { Title = "Сертифікат" },
            new UploadedFile("<html><script>alert(1)</script></html>"u8.ToArray(), "certificate.pdf"));
        ActAsLearner(volunteer);
        var notInProfile = await _host.Get<CompetencyEvidence>().AddPriorLearningAsync(_rights, new EvidenceInput { Title = "Сертифікат", Link = "https://osvita.example/1" }, null);
        ActAsCoordinatorOf(_units.Volyn);
        var noHours = await _host.Get<CompetencyEvidence>().AddForPersonAsync(_worker.Id, _crisis, EvidenceKind.PracticeHours, new EvidenceInput { Title = "Практика" });
        var tooManyHours = await _host.Get<CompetencyEvidence>().AddForPersonAsync(_worker.Id, _crisis, EvidenceKind.PracticeHours, new EvidenceInput { Title = "Практика", Hours = 1000.5m });

        Assert.Equal("Error:EvidenceNeedsFileOrLink", nothingAttached.Error!.ErrorFor("Link"));
        Assert.Equal("Error:EvidenceLinkInvalid", scriptLink.Error!.ErrorFor("Link"));
        Assert.Equal("Error:EvidenceTitleRequired", noTitle.Error!.ErrorFor("Title"));
        Assert.Equal("Error:DocumentFileType", renamedPage.Error!.ErrorFor("File"));
        Assert.Equal("Error:EvidenceNotInProfile", notInProfile.Error!.Key);
        Assert.Equal("Error:EvidenceHoursRange", noHours.Error!.ErrorFor("Hours"));
        Assert.Equal("Error:EvidenceHoursRange", tooManyHours.Error!.ErrorFor("Hours"));
        ActAsLearner(_worker);
        Assert.Empty(await EvidenceOfAsync(_worker.Id));
    }

    [Fact]
    public async Task A_person_deletes_their_prior_learning_until_a_rating_cites_it()
    {
        var kept = await AddPriorLearningAsync(_worker, _rights, "Сертифікат", DocumentSamples.Png());
        var dropped = await AddPriorLearningAsync(_worker, _rights, "Не той файл", link: "https://osvita.example/wrong");
        ActAsCoordinatorOf(_units.Volyn);
        var observation = (await _host.Get<CompetencyEvidence>().AddForPersonAsync(_worker.Id, _rights, EvidenceKind.Observation, new EvidenceInput { Title = "Бачила" })).Value;
        Assert.True((await _host.Get<CompetencyRatings>().RateAsync(_worker.Id, _rights, 3, "Бачила роботу", [kept])).Succeeded);

        ActAsLearner(_worker);
        var evidence = _host.Get<CompetencyEvidence>();
        var before = await EvidenceOfAsync(_worker.Id);
        var deleteDropped = await evidence.DeleteAsync(dropped);
        var deleteCited = await evidence.DeleteAsync(kept);
        var deleteObservation = await evidence.DeleteAsync(observation);

        Assert.Equal((false, true, false), (before.Single(e => e.Id == kept).CanDelete, before.Single(e => e.Id == dropped).CanDelete, before.Single(e => e.Id == observation).CanDelete));
        Assert.True(deleteDropped.Succeeded, deleteDropped.Error?.ToString());
        Assert.Equal("Error:EvidenceCited", deleteCited.Error!.Key);
        Assert.Equal(ErrorKind.Forbidden, deleteObservation.Error!.Kind);
        Assert.Equal(["Бачила", "Сертифікат"], (await EvidenceOfAsync(_worker.Id)).Select(e => e.Title).Order());
        Assert.True((await evidence.OpenFileAsync(kept)).Succeeded);
    }

    [Fact]
    public async Task The_learning_module_records_a_completed_course_once_and_only_for_published_competencies_of_real_people()
    {
        var competencies = await _host.Get<ICompetencyDirectory>().ListPublishedCompetenciesAsync();
        var rights = competencies.Single(c => c.Code == "A1.1");
        var crisis = competencies.Single(c => c.Code == "A1.2");
        var courseId = Guid.NewGuid();
        var completedAt = new DateTimeOffset(2026, 10, 5, 14, 0, 0, TimeSpan.Zero);
        CourseCompletionEvidence Completion(Guid lineageId, Guid? personId = null, int? rank = 2) =>
            new(personId ?? _worker.Id, lineageId, rank, courseId, "Права дитини в соціальній роботі", completedAt);
        // The learning module calls in the background, without anybody signed in.
        _acting.Principal = new();
        var contract = _host.Get<ICompetencyEvidence>();

        var first = await contract.RecordCourseCompletionAsync(Completion(rights.LineageId));
        var again = await contract.RecordCourseCompletionAsync(Completion(rights.LineageId));
        var otherCompetency = await contract.RecordCourseCompletionAsync(Completion(crisis.LineageId, rank: null));
        var unknownPerson = await contract.RecordCourseCompletionAsync(Completion(rights.LineageId, Guid.NewGuid()));
        var unknownCompetency = await contract.RecordCourseCompletionAsync(Completion(Guid.NewGuid()));
        var beyondScale = await contract.RecordCourseCompletionAsync(Completion(rights.LineageId, _people.Add("Петро Новий", _units.Lutsk, null).Id, rank: 9));
        ActAsLearner(_worker);
        var recorded = await EvidenceOfAsync(_worker.Id);

        Assert.Equal(("ICP", "Захист дітей", "Child protection", "Child rights"), (rights.FrameworkCode, rights.FrameworkName, rights.FrameworkNameEn, rights.NameEn));
        Assert.Equal(["Ще ні", "Обізнаність", "Під супервізією", "Самостійно", "Може навчати інших"], rights.Levels.Select(l => l.Name));
        Assert.Equal([0, 1, 2, 3, 4], rights.Levels.Select(l => l.Rank));
        Assert.True(first.Succeeded && again.Succeeded && otherCompetency.Succeeded, first.Error?.ToString());
        Assert.Equal("Error:NotFound", unknownPerson.Error!.ErrorFor("PersonId"));
        Assert.Equal("Error:RatingNeedsPublishedVersion", unknownCompetency.Error!.ErrorFor("CompetencyLineageId"));
        Assert.Equal("Error:LevelNotInScale", beyondScale.Error!.ErrorFor("SuggestedLevelRank"));
        Assert.Equal(2, recorded.Count);
        Assert.All(recorded, e => Assert.Equal((EvidenceKind.CourseCompletion, "Права дитини в соціальній роботі", (string?)null, completedAt, false),
            (e.Kind, e.Title, e.RecordedByName, e.RecordedAt, e.CanDelete)));
        Assert.Equal(2, recorded.Single(e => e.LineageId == rights.LineageId).SuggestedLevelRank);
    }

    [Fact]
    public async Task Evidence_stays_with_the_competency_in_the_next_published_version()
    {
        var certificate = await AddPriorLearningAsync(_worker, _rights, "Сертифікат", link: "https://osvita.example/1");
        ActAs(Guid.NewGuid(), new PermissionGrant(CompetencyPermissions.FrameworksView, null), new PermissionGrant(CompetencyPermissions.FrameworksEdit, _units.Rivne));
        var catalogue = _host.Get<FrameworkCatalogue>();
        var draft = (await catalogue.GetAsync(_frameworkId, (await catalogue.StartDraftAsync(_frameworkId)).Value)).Value;
        Assert.True((await catalogue.PublishAsync(draft.VersionId, draft.Version)).Succeeded);
        var newRights = draft.Nodes.Single(n => n.Code == "A1.1").Id;

        ActAsCoordinatorOf(_units.Volyn);
        var rated = await _host.Get<CompetencyRatings>().RateAsync(_worker.Id, newRights, 4, "Навчає колег", [certificate]);

        Assert.True(rated.Succeeded, rated.Error?.ToString());
        var rights = (await _host.Get<CompetencyRatings>().ForPersonAsync(_worker.Id)).Value.Frameworks.Single().Competencies.Single(c => c.Code == "A1.1");
        Assert.Equal(["Сертифікат"], rights.History.Single().Evidence.Select(e => e.Title));
    }
}

public sealed class EvidenceOnSqlite(SqliteServer server) : EvidenceTests(server), IClassFixture<SqliteServer>;

public sealed class EvidenceOnPostgreSql(PostgreSqlServer server) : EvidenceTests(server), IClassFixture<PostgreSqlServer>;
