namespace TrainingHub.SharedKernel.Outcomes;

public sealed record PageRequest(int PageIndex = 0, int PageSize = 25)
{
    public const int MaxPageSize = 200;

    public int Skip => Math.Max(0, PageIndex) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}

public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);
