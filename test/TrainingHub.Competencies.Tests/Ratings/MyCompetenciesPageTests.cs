using TrainingHub.TestKit;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using TrainingHub.Competencies.Pages;
using TrainingHub.Competencies.Services;

namespace TrainingHub.Competencies.Tests.Ratings;

/// <summary>"My competencies" rendered with bUnit over the real services and a real SQLite database, in Ukrainian.</summary>
public sealed class MyCompetenciesPageTests : IAsyncLifetime
{
    private ProfileScenario _scenario = null!;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public async ValueTask InitializeAsync()
    {
        _scenario = await ProfileScenario.StartAsync();
        _scenario.ActAsCoordinatorOf(_scenario.Units.Volyn);
        Assert.True((await _scenario.Host.Get<CompetencyRatings>().RateAsync(_scenario.Worker.Id, _scenario.Rights, 3, "Самостійно веде випадки")).Succeeded);
        _scenario.ActAsWorker();
    }

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private IRenderedComponent<MyCompetencies> RenderPage()
    {
        _dialogs = _scenario.Pages.RenderProviders().Dialogs;
        return _scenario.Pages.Render<MyCompetencies>();
    }

    [Fact]
    public void Gaps_come_first_with_the_required_and_assessed_levels()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));

        var cards = page.FindAll(".th-my-competency");
        Assert.Equal(["A1.2", "A1.1"], cards.Select(c => c.GetAttribute("data-code")));
        Assert.Equal(["true", "false"], cards.Select(c => c.GetAttribute("data-gap")));
        Assert.Contains("Ще треба досягти", cards[0].TextContent);
        Assert.Equal(("Самостійно", "Ще не оцінено"), (cards[0].QuerySelector(".th-required")!.TextContent, cards[0].QuerySelector(".th-counted")!.TextContent));
        Assert.Equal(("Самостійно", "Самостійно"), (cards[1].QuerySelector(".th-required")!.TextContent, cards[1].QuerySelector(".th-counted")!.TextContent));
        Assert.Contains("1 з 2 компетентностей на потрібному рівні", page.Markup);

        page.FindAll(".th-history-toggle")[1].Click();
        page.WaitForAssertion(() => Assert.Contains("Самостійно веде випадки", page.Find(".th-history").TextContent));
        Assert.Contains("Олена Координаторка", page.Find(".th-history").TextContent);
    }

    [Fact]
    public void A_person_adds_a_self_rating_which_shows_beside_the_assessed_level_and_in_the_history()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));

        page.FindAll(".th-rate-self")[0].Click();
        Assert.Contains("value=\"Ще ні\"", page.Find(".th-self-rating-form").InnerHtml);
        page.Find(".th-self-reason textarea").Change("Ще не мала кризових випадків");
        page.Find("form.th-self-rating-form").Submit();

        page.WaitForAssertion(() => Assert.Equal("Ще ні", page.FindAll(".th-my-competency")[0].QuerySelector(".th-self")!.TextContent));
        var crisis = page.FindAll(".th-my-competency")[0];
        Assert.Equal("A1.2", crisis.GetAttribute("data-code"));
        Assert.Equal("Ще не оцінено", crisis.QuerySelector(".th-counted")!.TextContent);
        Assert.Contains("Ще не мала кризових випадків", crisis.QuerySelector(".th-history")!.TextContent);
        Assert.Empty(page.FindAll(".th-self-rating-form"));
    }

    [Fact]
    public void A_person_adds_prior_learning_with_a_link_sees_it_listed_and_deletes_it_after_confirming()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));

        page.FindAll(".th-add-prior-learning")[0].Click();
        page.Find(".th-evidence-title input").Change("Курс психологічної першої допомоги");
        page.Find(".th-evidence-url input").Change("javascript:alert(1)");
        page.Find("form.th-prior-learning-form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Вкажіть повну вебадресу, що починається з http:// або https://.", page.Find(".th-prior-learning-form").TextContent));
        page.Find(".th-evidence-url input").Change("https://osvita.example/pfa");
        page.Find("form.th-prior-learning-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Курс психологічної першої допомоги", page.FindAll(".th-my-competency")[0].TextContent));
        var crisis = page.FindAll(".th-my-competency")[0];
        Assert.Contains("Попереднє навчання · Курс психологічної першої допомоги", crisis.QuerySelector(".th-evidence")!.TextContent);
        Assert.Equal("https://osvita.example/pfa", crisis.QuerySelector(".th-evidence-link")!.GetAttribute("href"));
        Assert.Empty(page.FindAll(".th-prior-learning-form"));

        crisis.QuerySelector(".th-delete-evidence")!.Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Видалити «Курс психологічної першої допомоги» разом із файлом?", _dialogs.Markup));
        _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Видалити").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".th-evidence")));
    }

    [Fact]
    public void A_file_is_checked_by_its_content_as_soon_as_it_is_chosen_and_kept_with_the_evidence()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".th-my-competency").Count));
        page.FindAll(".th-add-prior-learning")[1].Click();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("<html><script>alert(1)</script></html>", "certificate.pdf"));
        page.WaitForAssertion(() => Assert.Contains("Тип визначає вміст файлу, а не його назва.", page.Find(".th-file-error").TextContent));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(DocumentSamples.Docx(), "довідка.docx"));
        page.WaitForAssertion(() => Assert.Contains("Файл: довідка.docx", page.Find(".th-file-chosen").TextContent));
        page.Find(".th-evidence-title input").Change("Довідка з попереднього місця роботи");
        page.Find("form.th-prior-learning-form").Submit();

        page.WaitForAssertion(() => Assert.NotNull(page.FindAll(".th-my-competency")[1].QuerySelector(".th-evidence-file")));
        var rights = page.FindAll(".th-my-competency")[1];
        Assert.Equal("A1.1", rights.GetAttribute("data-code"));
        Assert.Contains("Завантажити довідка.docx", rights.QuerySelector(".th-evidence-file")!.TextContent);
        Assert.StartsWith("competencies/evidence/", rights.QuerySelector(".th-evidence-file")!.GetAttribute("href"));
    }
}
