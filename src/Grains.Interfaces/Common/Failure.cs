namespace OrderActors.Common;

/// <summary>A business rule refused the command; the host maps <see cref="Code"/> to an HTTP status.</summary>
[GenerateSerializer, Immutable, Alias("OrderActors.Failure")]
public sealed record Failure(
    [property: Id(0)] string Code,
    [property: Id(1)] string Detail,
    [property: Id(2)] IReadOnlyList<string>? Items = null,
    [property: Id(3)] string? CurrentStatus = null)
{
    public static Failure NotFound(string what) => new(ErrorCodes.NotFound, $"{what} was not found.");

    public static Failure Invalid(string detail) => new(ErrorCodes.ValidationFailed, detail);
}
