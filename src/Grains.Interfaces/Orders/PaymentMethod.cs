namespace OrderActors.Orders;

public enum PaymentMethod
{
    Card,
    Alipay,
    WechatPay,
    UnionPay,
    BankTransfer,
    Cash,
    CashOnDelivery,
    Pos,
}
