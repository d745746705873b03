// The invoicing engine explains refusals in English with the exact values; a pt-PT e-mail leads with the
// cause in Portuguese, chosen by the problem's code, and keeps the detailed text below it.
const ptSummaries: Record<string, string> = {
  invalid_nif: "O NIF indicado pelo cliente não é um NIF português válido.",
  currency: "A encomenda não está em euros: só se emitem faturas em EUR.",
  unknown_vat_rate: "Uma taxa de IVA da encomenda não corresponde a nenhuma taxa da região da conta Vendus.",
  missing_exemption: "Há uma linha a 0 % de IVA e a loja não tem motivo de isenção configurado.",
  missing_payment_method: "A loja emite faturas-recibo (FR) mas não tem método de pagamento Vendus configurado.",
  totals_mismatch: "Os totais calculados não coincidem, ao cêntimo, com o total pago da encomenda.",
  tax_mismatch: "O IVA indicado pela Jumpseller não coincide com o calculado para as linhas da encomenda.",
  discount_mismatch: "Os descontos da encomenda não coincidem com a soma dos descontos das linhas.",
  zero_total: "A encomenda tem total zero: não há nada a faturar.",
  not_paid: "A encomenda não está paga: só se fatura depois do pagamento.",
  no_lines: "A encomenda não tem linhas de produto.",
  negative_line: "Uma linha da encomenda ficaria com valor negativo depois dos descontos.",
  unsupported_tax: "Uma linha tem mais do que um imposto ou um imposto fixo, que o Vendus não aceita.",
  over_credit: "A nota de crédito pedia mais do que ainda é creditável na fatura.",
  test_mode_invoice: "Documentos em modo de testes não podem ser creditados.",
  unknown_destination:
    "Não é possível saber para onde vão os bens (falta o país, ou o código postal não distingue um território fora do espaço IVA da UE).",
  destination_vat_rate:
    "Uma linha vendida em OSS tem uma taxa de IVA que não existe no país de destino nessa data: a Ponte não a substitui.",
  invalid_vat_number:
    "O número de IVA do cliente não é válido para o seu país (formato ou dígitos de controlo, ou o VIES recusou-o): não há isenção.",
  vies_unchecked: "A loja exige confirmação do número de IVA no VIES e ainda não há resposta do VIES.",
  buyer_unclear:
    "O NIF é de uma entidade portuguesa que pode não ser sujeito passivo, e os bens vão para outro Estado-membro com OSS.",
  shipping_without_goods: "Os portes acompanham a taxa dos bens, mas os bens da encomenda valem 0,00 EUR.",
};

/** The Portuguese summary of an error code, or null when the detail is already clear enough. */
export function ptCauseSummary(code: string | null | undefined): string | null {
  return code ? (ptSummaries[code] ?? null) : null;
}
