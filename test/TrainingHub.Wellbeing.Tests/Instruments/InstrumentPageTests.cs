using System.Globalization;
using Bunit;
using TrainingHub.Accounts;
using TrainingHub.Organisations;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Security;
using TrainingHub.TestKit;
using TrainingHub.Wellbeing.Contracts;
using TrainingHub.Wellbeing.Instruments;

namespace TrainingHub.Wellbeing.Tests.Instruments;

/// <summary>The instrument pages as an administrator reads them in Ukrainian, trying answers on the page.</summary>
public sealed class InstrumentPageTests(SqliteServer server) : IClassFixture<SqliteServer>, IAsyncLifetime
{
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Ukrainian);
        _host = await ModuleTestHost.StartAsync(server, [new OrganisationsModule(), new AccountsModule(), new WellbeingModule()]);
        _host.User.Holding(new PermissionGrant(WellbeingPermissions.InstrumentsManage, null));
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public void The_list_marks_the_ukrainian_texts_as_a_working_translation()
    {
        var page = _pages.Render<InstrumentsPage>();

        page.WaitForAssertion(() => Assert.Contains("Копенгагенський опитувальник вигорання", page.Find(".th-instrument").TextContent));
        Assert.Contains("Шкал: 3, питань: 19", page.Find(".th-instrument").TextContent);
        Assert.Equal("Українською: робочий переклад", page.Find(".th-working-translation").TextContent.Trim());
    }

    [Fact]
    public void Answers_tried_on_the_instrument_page_score_each_scale_as_they_are_chosen()
    {
        var page = _pages.Render<InstrumentPage>(p => p.Add(c => c.Code, "cbi"));
        page.WaitForAssertion(() => Assert.Contains("Kristensen", page.Find("#instrument-credit").TextContent));
        Assert.Contains("робочий переклад", page.Find("#instrument-working-translation").TextContent);
        var personal = page.Find(".th-scale[data-scale='personal']");
        Assert.Equal("Оцінки немає: відповідей немає.", personal.QuerySelector(".th-scale-score")!.TextContent.Trim());

        foreach (var (item, option) in new[] { ("personal.1", 0), ("personal.2", 1) })
        {
            page.FindAll($".th-item[data-item='{item}'] input[type=radio]")[option].Click();
        }
        page.WaitForAssertion(() => Assert.Equal("Оцінки ще немає: відповідей 2, потрібно щонайменше 3.",
            page.Find(".th-scale[data-scale='personal'] .th-scale-score").TextContent.Trim()));
        page.FindAll(".th-item[data-item='personal.3'] input[type=radio]")[0].Click();

        page.WaitForAssertion(() => Assert.Equal("Оцінка: 91,7 (висока)", page.Find(".th-scale[data-scale='personal'] .th-scale-score").TextContent.Trim()));
        Assert.Contains("Завжди (0)", page.Find(".th-item[data-item='work.7']").TextContent);
        Assert.Contains("Зворотне", page.Find(".th-item[data-item='work.7']").TextContent);
    }
}
