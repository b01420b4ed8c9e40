using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Modules;
using TrainingHub.TestKit.Web;

namespace TrainingHub.Web.Tests;

/// <summary>Permissions and menu entries are named in both languages, as administrators and the menu show them.</summary>
public sealed class PermissionTextsTests : IClassFixture<TrainingHubApp>
{
    private readonly TrainingHubApp _app;

    public PermissionTextsTests(TrainingHubApp app) => _app = app;

    [Theory]
    [InlineData(Cultures.Ukrainian)]
    [InlineData(Cultures.English)]
    public void Every_permission_and_menu_item_has_a_text(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var catalog = _app.Services.GetRequiredService<ModuleCatalog>();
        var localizers = _app.Services.GetRequiredService<IStringLocalizerFactory>();

        var missing = catalog.Permissions.Select(p => (p.Resource, Key: p.DisplayKey))
            .Concat(catalog.MenuItems.Select(m => (m.Resource, Key: m.TextKey)))
            // The role editor groups permissions under their module's name.
            .Concat(catalog.Modules.Where(m => m.Permissions.Any()).Select(m => (Resource: typeof(CommonResource), Key: $"Module:{m.Name}")))
            .Where(t => localizers.Create(t.Resource)[t.Key].ResourceNotFound)
            .Select(t => t.Key)
            .ToList();

        Assert.NotEmpty(catalog.Permissions);
        Assert.Empty(missing);
    }
}
