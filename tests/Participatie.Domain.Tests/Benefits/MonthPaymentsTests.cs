using Participatie.Domain.Benefits;

namespace Participatie.Domain.Tests.Benefits;

public sealed class MonthPaymentsTests
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateOnly CaseFirstDay = new(2025, 10, 1);

    [Fact]
    public void AMonthBeforeTheCaseIsOwedNothingInAnyPass()
    {
        Assert.Equal(PaymentStep.NothingOwed, MonthPayments.Next(new DateOnly(2025, 9, 1), 1, null, reopened: false, CaseFirstDay));
        Assert.Equal(PaymentStep.NothingOwed, MonthPayments.Next(new DateOnly(2025, 9, 1), 2, null, reopened: true, CaseFirstDay));
    }

    [Fact]
    public void AnUnpaidMonthOfTheCaseIsPaidInFullAsVersionOne()
    {
        var step = MonthPayments.Next(March, 1, null, reopened: false, CaseFirstDay);
        var first = PaidVersion.First(March, 1, 120_000);

        Assert.Equal(PaymentStep.PayFirst, step);
        Assert.Equal(new PaidVersion(March, 1, 1, 120_000, 120_000), first);
    }

    [Theory]
    [InlineData(1, false, PaymentStep.AsPaid)]
    [InlineData(2, false, PaymentStep.AsPaid)]
    [InlineData(1, true, PaymentStep.AsPaid)]
    [InlineData(2, true, PaymentStep.Revise)]
    public void APaidMonthIsRevisedOnlyWhenReopenedAndOnlyByALaterPass(int pass, bool reopened, PaymentStep expected) =>
        Assert.Equal(expected, MonthPayments.Next(March, pass, PaidVersion.First(March, 1, 120_000), reopened, CaseFirstDay));

    [Fact]
    public void ARevisionPaysTheDifferenceAsTheNextVersionOrOwesItBack()
    {
        var first = PaidVersion.First(March, 1, 120_000);

        var more = first.RevisedTo(2, 130_000);
        var less = more!.RevisedTo(3, 100_000);

        Assert.Equal(new PaidVersion(March, 2, 2, 130_000, 10_000), more);
        Assert.Equal(new PaidVersion(March, 3, 3, 100_000, -30_000), less);
    }

    [Fact]
    public void ARevisionWithoutADifferenceHasNoLine() =>
        Assert.Null(PaidVersion.First(March, 1, 120_000).RevisedTo(2, 120_000));
}
