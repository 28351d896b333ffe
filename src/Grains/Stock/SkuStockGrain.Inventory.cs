using OrderActors.Common;
using OrderActors.Inventory;

namespace OrderActors.Stock;

/// <remarks>
/// Each of these can make stock available, so each runs, checks included, after the leases on the SKU's figures
/// are revoked (<see cref="ChangingLentFigures"/>): the checks see the state the change is applied to.
/// </remarks>
public sealed partial class SkuStockGrain
{
    private const int RememberedOperations = 1000;

    public Task<StockChangeResult> Adjust(string operationId, string warehouse, int quantityDelta, AdjustmentReason reason, string? note, string actor) =>
        AfterRevokingLeases(() => AdjustChecked(operationId, warehouse, quantityDelta, reason, note, actor));

    private async Task<StockChangeResult> AdjustChecked(string operationId, string warehouse, int quantityDelta, AdjustmentReason reason, string? note, string actor)
    {
        if (Precheck(operationId) is { } early)
        {
            return early;
        }

        var level = State.Warehouses.GetValueOrDefault(warehouse);
        if (quantityDelta == 0 || (quantityDelta < 0 && (level?.Available ?? 0) < -quantityDelta))
        {
            return Refused(ErrorCodes.InsufficientStock,
                $"{Sku} has {level?.Available ?? 0} available in {warehouse}; an adjustment cannot take stock that is not available.");
        }

        Move(warehouse, MovementKind.Adjustment, quantityDelta, 0, actor, $"{reason.ToString().ToLowerInvariant()}{(note is null ? "" : $": {note}")}");
        return await Applied(operationId);
    }

    public Task<StockChangeResult> Transfer(string transferId, string fromWarehouse, string toWarehouse, int quantity, string? reference, string actor) =>
        AfterRevokingLeases(() => TransferChecked(transferId, fromWarehouse, toWarehouse, quantity, reference, actor));

    private async Task<StockChangeResult> TransferChecked(string transferId, string fromWarehouse, string toWarehouse, int quantity, string? reference, string actor)
    {
        if (Precheck(transferId) is { } early)
        {
            return early;
        }

        var available = State.Warehouses.GetValueOrDefault(fromWarehouse)?.Available ?? 0;
        if (quantity <= 0 || fromWarehouse == toWarehouse || available < quantity)
        {
            return Refused(ErrorCodes.InsufficientStock, $"{Sku} has {available} available in {fromWarehouse}; a transfer takes available stock only.");
        }

        Move(fromWarehouse, MovementKind.TransferOut, -quantity, 0, actor, transferId);
        Move(toWarehouse, MovementKind.TransferIn, quantity, 0, actor, transferId);
        return await Applied(transferId);
    }

    public Task<StockChangeResult> CorrectCount(string countId, string warehouse, int delta, string actor) =>
        AfterRevokingLeases(() => CorrectCountChecked(countId, warehouse, delta, actor));

    private async Task<StockChangeResult> CorrectCountChecked(string countId, string warehouse, int delta, string actor)
    {
        var operation = $"{countId}:{Sku}";
        if (Precheck(operation) is { } early)
        {
            return early;
        }

        var level = State.Warehouses.GetValueOrDefault(warehouse);
        if ((level?.OnHand ?? 0) + delta < (level?.Reserved ?? 0))
        {
            return Refused(ErrorCodes.InsufficientStock,
                $"{Sku}: the count leaves {(level?.OnHand ?? 0) + delta} on hand in {warehouse}, below the {level?.Reserved ?? 0} reserved for orders.");
        }

        if (delta != 0)
        {
            Move(warehouse, MovementKind.CountCorrection, delta, 0, actor, countId);
        }

        return await Applied(operation);
    }

    public Task<StockChangeResult> Restock(string returnId, string warehouse, int quantity, string actor) =>
        AfterRevokingLeases(() => RestockChecked(returnId, warehouse, quantity, actor));

    private async Task<StockChangeResult> RestockChecked(string returnId, string warehouse, int quantity, string actor)
    {
        if (Precheck(returnId) is { } early)
        {
            return early;
        }

        if (quantity <= 0)
        {
            return Refused(ErrorCodes.ValidationFailed, "A return quantity is positive.");
        }

        Move(warehouse, MovementKind.Return, quantity, 0, actor, returnId);
        return await Applied(returnId);
    }

    private StockChangeResult? Precheck(string operationId) =>
        State.Catalog is null ? new StockChangeResult(null, Failure.NotFound($"SKU '{Sku}'"))
        : State.AppliedOperations.Contains(operationId) ? new StockChangeResult(Snapshot(), null)
        : null;

    private async Task<StockChangeResult> Applied(string operationId)
    {
        State.AppliedOperations.Add(operationId);
        if (State.AppliedOperations.Count > RememberedOperations)
        {
            State.AppliedOperations.RemoveAt(0);
        }

        await Commit();
        return new StockChangeResult(Snapshot(), null);
    }

    private static StockChangeResult Refused(string code, string detail) => new(null, new Failure(code, detail));
}
