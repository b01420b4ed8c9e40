using TrainingHub.SharedKernel.Outcomes;

namespace TrainingHub.SharedKernel.Tests;

/// <summary>How a service hands on what went wrong without reaching into a result twice.</summary>
public sealed class ResultTests
{
    [Fact]
    public void A_failed_operation_hands_over_its_error_and_a_successful_one_none()
    {
        Result saved = Error.Conflict;

        Assert.True(saved.Failed(out var error));
        Assert.Same(Error.Conflict, error);
        Assert.False(Result.Success().Failed(out var none));
        Assert.Null(none);
    }

    [Fact]
    public void A_found_value_comes_out_with_no_error()
    {
        Result<string> found = "Основи кейс-менеджменту";

        Assert.True(found.TryGetValue(out var title, out var error));
        Assert.Equal("Основи кейс-менеджменту", title);
        Assert.Null(error);
        Assert.False(found.Failed(out _));
    }

    [Fact]
    public void A_missing_value_comes_out_as_the_error_that_explains_it()
    {
        Result<string> found = Error.Validation("Title", "Error:Required");

        Assert.False(found.TryGetValue(out var title, out var error));
        Assert.Null(title);
        Assert.Equal("Error:Required", error.ErrorFor("Title"));
        Assert.True(found.Failed(out var same));
        Assert.Same(error, same);
    }
}
