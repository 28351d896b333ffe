using OrderActors.Orders;

namespace OrderActors.Ledger;

/// <summary>
/// The chart of accounts (configuration section <c>Ledger:Accounts</c>), numbered as the Chinese
/// enterprise accounting standards number them.
/// </summary>
public sealed class LedgerAccounts
{
    public string Cash { get; set; } = "1001";
    public string Bank { get; set; } = "1002";
    public string ThirdPartyPayments { get; set; } = "1012";
    public string Receivables { get; set; } = "1122";
    public string Inventory { get; set; } = "1405";
    public string GoodsShipped { get; set; } = "1406";
    public string InventoryGainsAndLosses { get; set; } = "1901";
    public string Payables { get; set; } = "2202";
    public string CustomerAdvances { get; set; } = "2203";
    public string OutputVat { get; set; } = "2221";
    public string Revenue { get; set; } = "6001";
    public string CostOfSales { get; set; } = "6401";

    public string For(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash or PaymentMethod.CashOnDelivery => Cash,
        PaymentMethod.Alipay or PaymentMethod.WechatPay => ThirdPartyPayments,
        _ => Bank,
    };

    public IReadOnlyDictionary<string, string> Names() => new Dictionary<string, string>
    {
        [Cash] = "库存现金 Cash",
        [Bank] = "银行存款 Bank deposits",
        [ThirdPartyPayments] = "其他货币资金 Third-party payment balances",
        [Receivables] = "应收账款 Accounts receivable",
        [Inventory] = "库存商品 Inventory",
        [GoodsShipped] = "发出商品 Goods shipped",
        [InventoryGainsAndLosses] = "待处理财产损溢 Inventory gains and losses",
        [Payables] = "应付账款 Accounts payable",
        [CustomerAdvances] = "预收账款 Customer advances",
        [OutputVat] = "应交税费—销项税额 Output VAT",
        [Revenue] = "主营业务收入 Sales revenue",
        [CostOfSales] = "主营业务成本 Cost of sales",
    };
}
