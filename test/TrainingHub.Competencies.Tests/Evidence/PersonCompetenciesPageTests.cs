using TrainingHub.TestKit;
using Bunit;
using MudBlazor;
using TrainingHub.Accounts.Contracts;
using TrainingHub.Competencies.Pages;
using TrainingHub.Competencies.Services;
using TrainingHub.Competencies.Tests.Ratings;
using TrainingHub.Supervision.Contracts;

namespace TrainingHub.Competencies.Tests.Evidence;

/// <summary>An assessor's page for one person, rendered with bUnit over the real services and a real SQLite database, in Ukrainian.</summary>
public sealed class PersonCompetenciesPageTests : IAsyncLifetime
{
    private ProfileScenario _scenario = null!;
    private Guid _certificate;

    private FakeUnits Units => _scenario.Units;

    private PersonContact Worker => _scenario.Worker;

    public async ValueTask InitializeAsync()
    {
        _scenario = await ProfileScenario.StartAsync();
        _scenario.ActAsWorker();
        Assert.True((await _scenario.Host.Get<CompetencyRatings>().RateSelfAsync(_scenario.Rights, 3, "Веду випадки сама")).Succeeded);
        _certificate = (await _scenario.Host.Get<CompetencyEvidence>().AddPriorLearningAsync(_scenario.Rights, new EvidenceInput { Title = "Сертифікат «Права дитини»" },
            new UploadedFile(DocumentSamples.Pdf(), "certificate.pdf"))).Value;
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private void ActAsCoordinatorOf(Guid unitId) => _scenario.ActAsCoordinatorOf(unitId);

    private (IRenderedComponent<PersonCompetenciesPage> Page, IRenderedComponent<MudDialogProvider> Dialogs) RenderPage(Guid personId)
    {
        var dialogs = _scenario.Pages.RenderProviders().Dialogs;
        return (_scenario.Pages.Render<PersonCompetenciesPage>(p => p.Add(x => x.PersonId, personId)), dialogs);
    }

    [Fact]
    public void An_assessor_sees_the_persons_evidence_and_rates_them_citing_it()
    {
        ActAsCoordinatorOf(Units.Volyn);
        var (page, dialogs) = RenderPage(Worker.Id);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));

        Assert.Equal("Ірина Коваль", page.Find("#person-name").TextContent);
        Assert.Equal("Посада: Соціальний працівник", page.Find("#person-position").TextContent);
        var rights = page.FindAll(".th-my-competency")[0];
        Assert.Equal(("A1.1", "Самостійно"), (rights.GetAttribute("data-code"), rights.QuerySelector(".th-self")!.TextContent));
        Assert.Contains("Попереднє навчання · Сертифікат «Права дитини»", rights.QuerySelector(".th-evidence")!.TextContent);
        Assert.Contains("Ірина Коваль", rights.QuerySelector(".th-evidence")!.TextContent);
        Assert.Equal($"competencies/evidence/{_certificate}/file", rights.QuerySelector(".th-evidence-file")!.GetAttribute("href"));
        Assert.Empty(page.FindAll(".th-delete-evidence"));

        page.FindAll(".th-rate")[0].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Оцінка: A1.1 Права дитини", dialogs.Markup));
        Assert.Contains("Самостійно", dialogs.Find(".th-rate-level").InnerHtml);
        dialogs.Find(".th-cite input").Change(true);
        dialogs.Find(".th-rate-reason textarea").Change("Самостійно провела три оцінки потреб");
        dialogs.Find(".th-save-rating").Click();

        page.WaitForAssertion(() => Assert.Equal("false", page.FindAll(".th-my-competency")[1].GetAttribute("data-gap")));
        rights = page.FindAll(".th-my-competency").Single(c => c.GetAttribute("data-code") == "A1.1");
        Assert.Equal("Самостійно", rights.QuerySelector(".th-counted")!.TextContent);
        Assert.Contains("Самостійно провела три оцінки потреб", rights.QuerySelector(".th-history")!.TextContent);
        Assert.Contains("Докази: Попереднє навчання «Сертифікат «Права дитини»»", rights.QuerySelector(".th-cited")!.TextContent);
        Assert.Contains("Наведено в оцінці", rights.QuerySelector(".th-evidence")!.TextContent);
    }

    [Fact]
    public void A_rating_without_a_reason_is_not_saved_and_the_dialog_says_why()
    {
        ActAsCoordinatorOf(Units.Volyn);
        var (page, dialogs) = RenderPage(Worker.Id);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));

        page.FindAll(".th-rate")[1].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Оцінка: A1.2 Кризове втручання", dialogs.Markup));
        Assert.Contains("З цієї компетентності ще немає жодного доказу.", dialogs.Find(".th-no-evidence").TextContent);
        dialogs.Find(".th-save-rating").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Поясніть, чому ви ставите цей рівень.", dialogs.Markup));
        Assert.All(page.FindAll(".th-counted"), counted => Assert.Equal("Ще не оцінено", counted.TextContent));
    }

    [Fact]
    public void An_assessor_records_practice_hours_which_appear_with_the_competency()
    {
        ActAsCoordinatorOf(Units.Volyn);
        var (page, dialogs) = RenderPage(Worker.Id);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));

        page.FindAll(".th-add-hours")[1].Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Години практики: A1.2 Кризове втручання", dialogs.Markup));
        dialogs.Find(".th-evidence-title input").Change("Чергування кризової служби, жовтень");
        dialogs.Find(".th-evidence-hours input").Change("0");
        dialogs.Find(".th-save-evidence").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Вкажіть більше 0 і не більше 1000 годин.", dialogs.Markup));
        dialogs.Find(".th-evidence-hours input").Change("16");
        dialogs.Find(".th-save-evidence").Click();

        page.WaitForAssertion(() => Assert.Contains("Чергування кризової служби, жовтень",
            page.FindAll(".th-my-competency").Single(c => c.GetAttribute("data-code") == "A1.2").TextContent));
        var crisis = page.FindAll(".th-my-competency").Single(c => c.GetAttribute("data-code") == "A1.2");
        Assert.Contains("Години практики · Чергування кризової служби, жовтень · 16 год", crisis.QuerySelector(".th-evidence")!.TextContent);
        Assert.Contains("Олена Координаторка", crisis.QuerySelector(".th-evidence")!.TextContent);
    }

    [Fact]
    public void A_person_outside_the_assessors_area_shows_nothing_of_theirs()
    {
        ActAsCoordinatorOf(Units.Rivne);
        var (page, _) = RenderPage(Worker.Id);

        page.WaitForAssertion(() => Assert.Contains("Цю людину не знайдено, або вона не належить до вашої зони відповідальності.", page.Find("#person-not-found").TextContent));
        Assert.DoesNotContain("Ірина Коваль", page.Markup);
        Assert.DoesNotContain("Сертифікат", page.Markup);
        Assert.Empty(page.FindAll(".th-my-competency"));
    }

    [Fact]
    public void A_coordinator_reads_but_cannot_rate_a_person_whose_supervisor_is_assigned()
    {
        _scenario.Assigned.Current[Worker.Id] = new PersonAssignees(Guid.NewGuid(), [], null);
        ActAsCoordinatorOf(Units.Volyn);
        var (page, _) = RenderPage(Worker.Id);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));

        Assert.Contains("саме вони оцінюють її", page.Find("#rated-by-assigned").TextContent);
        Assert.Empty(page.FindAll(".th-rate"));
        Assert.Empty(page.FindAll(".th-add-observation"));
    }
}
