using System.Globalization;
using TrainingHub.SharedKernel.Localization;

namespace TrainingHub.SharedKernel.Tests;

/// <summary>Something written in another person's language leaves the reader's own language as it was.</summary>
public sealed class InCultureTests
{
    [Fact]
    public void Work_runs_in_the_language_asked_for_and_the_callers_language_comes_back_afterwards()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.English);
        var day = new DateTime(2026, 3, 2);

        var written = InCulture.Run(Cultures.Ukrainian, () => (CultureInfo.CurrentUICulture.Name, day.ToString("dddd d MMMM", CultureInfo.CurrentCulture)));

        Assert.Equal((Cultures.Ukrainian, "понеділок 2 березня"), written);
        Assert.Equal((Cultures.English, Cultures.English), (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name));
        Assert.Equal("Monday 2 March", day.ToString("dddd d MMMM", CultureInfo.CurrentCulture));
    }

    [Fact]
    public void The_callers_language_comes_back_also_when_the_work_fails()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Cultures.English);

        Assert.Throws<InvalidOperationException>(() => InCulture.Run<string>(Cultures.Ukrainian, () => throw new InvalidOperationException()));

        Assert.Equal((Cultures.English, Cultures.English), (CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name));
    }
}
