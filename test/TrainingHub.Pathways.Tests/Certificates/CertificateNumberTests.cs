using TrainingHub.Pathways.Certificates;

namespace TrainingHub.Pathways.Tests.Certificates;

/// <summary>Certificate numbers as people type them from paper: any case, with or without dashes and the TH prefix.</summary>
public sealed class CertificateNumberTests
{
    [Theory]
    [InlineData("TH-7KQ2-M9XA-P4RT-C8VN", "TH-7KQ2-M9XA-P4RT-C8VN")]
    [InlineData("th 7kq2 m9xa p4rt c8vn", "TH-7KQ2-M9XA-P4RT-C8VN")]
    [InlineData("7KQ2M9XAP4RTC8VN", "TH-7KQ2-M9XA-P4RT-C8VN")]
    [InlineData("THAB-CDEF-GHJK-MNPQ", "TH-THAB-CDEF-GHJK-MNPQ")]
    [InlineData("TH-THAB-CDEF-GHJK-MNPQ", "TH-THAB-CDEF-GHJK-MNPQ")]
    public void A_number_is_read_however_it_was_typed(string typed, string number) => Assert.Equal(number, Certificate.Normalise(typed));

    [Theory]
    [InlineData("TH-7KQ2-M9XA-P4RT")]
    [InlineData("TH-0KQ2-M9XA-P4RT-C8VN")]
    [InlineData("")]
    public void Something_that_cannot_be_a_number_is_no_number(string typed) => Assert.Null(Certificate.Normalise(typed));

    [Fact]
    public void New_numbers_read_back_as_themselves() => Assert.All(Enumerable.Range(0, 50).Select(_ => Certificate.NewNumber()), n => Assert.Equal(n, Certificate.Normalise(n)));
}
