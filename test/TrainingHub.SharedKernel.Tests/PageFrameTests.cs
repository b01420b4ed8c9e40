using Bunit;
using TrainingHub.SharedKernel.Localization;
using TrainingHub.SharedKernel.Outcomes;
using TrainingHub.SharedKernel.Ui;
using TrainingHub.TestKit;

namespace TrainingHub.SharedKernel.Tests;

/// <summary>The frame every page that loads something is drawn in, as a person sees it while it loads, once loaded and when it cannot be.</summary>
public sealed class PageFrameTests : IAsyncLifetime
{
    private readonly SqliteServer _server = new();
    private ModuleTestHost _host = null!;
    private PageRenderer _pages = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleTestHost.StartAsync(_server, []);
        _pages = new PageRenderer(_host);
    }

    public async ValueTask DisposeAsync()
    {
        await _pages.DisposeAsync();
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IRenderedComponent<PageFrame<string>> Frame(Func<CancellationToken, Task<Result<string>>> load, object? key = null) =>
        _pages.Render<PageFrame<string>>(p => p
            .Add(x => x.Load, load)
            .Add(x => x.Title, "Курси")
            .Add(x => x.TitleOf, course => $"Курс «{course}»")
            .Add(x => x.Key, key)
            .Add(x => x.BackHref, "learning/courses")
            .Add(x => x.BackText, "До курсів")
            .Add(x => x.ChildContent, course => $"<p id=\"content\">{course}</p>"));

    [Fact]
    public void The_page_shows_its_title_and_a_loading_bar_then_the_content_under_the_loaded_title()
    {
        var answer = new TaskCompletionSource<Result<string>>();
        var frame = Frame(_ => answer.Task);

        Assert.Equal("Курси", frame.Find("h1").TextContent);
        Assert.Equal("Завантаження…", frame.Find("#page-loading").GetAttribute("aria-label"));
        Assert.Empty(frame.FindAll("#content"));

        answer.SetResult("Безпечні візити");

        frame.WaitForAssertion(() => Assert.Equal("Безпечні візити", frame.Find("#content").TextContent));
        Assert.Equal("Курс «Безпечні візити»", frame.Find("h1").TextContent);
        Assert.Empty(frame.FindAll("#page-loading"));
    }

    [Fact]
    public void What_is_not_there_is_said_plainly_with_the_way_back_and_no_retry()
    {
        var frame = Frame(_ => Task.FromResult<Result<string>>(Error.NotFound));

        frame.WaitForAssertion(() => Assert.Equal("Тут нічого немає. Можливо, це видалили або адреса неправильна.", frame.Find("#page-error").TextContent.Trim()));
        Assert.Equal("Курси", frame.Find("h1").TextContent);
        Assert.Equal("learning/courses", frame.Find("#page-back").GetAttribute("href"));
        Assert.Empty(frame.FindAll("#page-retry"));
        Assert.Empty(frame.FindAll("#content"));
    }

    [Fact]
    public void What_lies_outside_the_readers_permissions_is_refused_in_their_language()
    {
        _pages.Culture = Cultures.English;

        var frame = Frame(_ => Task.FromResult<Result<string>>(Error.Forbidden));

        frame.WaitForAssertion(() => Assert.Equal(
            "You may not open this here. If you need it for your work, ask your coordinator.", frame.Find("#page-error").TextContent.Trim()));
        Assert.Empty(frame.FindAll("#content"));
    }

    [Fact]
    public void A_load_that_fails_says_so_and_trying_again_shows_the_content()
    {
        var attempts = 0;
        var frame = Frame(_ => ++attempts == 1 ? throw new TimeoutException("The database did not answer.") : Task.FromResult<Result<string>>("Безпечні візити"));
        frame.WaitForAssertion(() => Assert.Contains("Не вдалося завантажити цю сторінку.", frame.Find("#page-error").TextContent));

        frame.Find("#page-retry").Click();

        frame.WaitForAssertion(() => Assert.Equal("Безпечні візити", frame.Find("#content").TextContent));
        Assert.Empty(frame.FindAll("#page-error"));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public void Another_key_loads_again_and_the_same_key_does_not()
    {
        var loads = new List<string>();
        var key = "перший";
        var frame = Frame(_ => { loads.Add(key); return Task.FromResult<Result<string>>(key); }, key);
        frame.WaitForAssertion(() => Assert.Equal("перший", frame.Find("#content").TextContent));

        frame.Render(p => p.Add(x => x.Key, "перший"));
        key = "другий";
        frame.Render(p => p.Add(x => x.Key, key));

        frame.WaitForAssertion(() => Assert.Equal("другий", frame.Find("#content").TextContent));
        Assert.Equal(["перший", "другий"], loads);
    }
}
