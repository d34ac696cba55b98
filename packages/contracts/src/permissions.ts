/**
 * Every permission the merchant console knows, grouped for the role editor. Routes name one of these;
 * roles are sets of them. `self` is implicit for every signed-in staff member (own account).
 */
export const permissionCatalog = [
  { group: '系统', code: 'system.read', label: '查看系统状态' },
  { group: '员工与权限', code: 'staff.read', label: '查看员工和角色' },
  { group: '员工与权限', code: 'staff.manage', label: '管理员工账号' },
  { group: '员工与权限', code: 'role.manage', label: '管理角色权限' },
  { group: '员工与权限', code: 'audit.read', label: '查看操作日志' },
  { group: '商品', code: 'product.read', label: '查看商品' },
  { group: '商品', code: 'product.manage', label: '管理商品' },
  { group: '商品', code: 'product.price', label: '修改价格' },
  { group: '库存', code: 'inventory.manage', label: '管理库存' },
  { group: '订单', code: 'order.read', label: '查看订单' },
  { group: '订单', code: 'order.ship', label: '订单发货' },
  { group: '订单', code: 'order.refund', label: '售后退款' },
  { group: '订单', code: 'order.export', label: '导出订单' },
  { group: '营销', code: 'marketing.manage', label: '管理营销活动' },
  { group: '内容', code: 'content.manage', label: '管理页面内容' },
  { group: '客户', code: 'customer.read', label: '查看客户' },
  { group: '客户', code: 'customer.export', label: '导出客户数据' },
  { group: '客服', code: 'support.chat', label: '在线客服' },
  { group: '数据', code: 'analytics.read', label: '查看经营数据' },
  { group: '门店', code: 'store.manage', label: '管理门店' },
  { group: '设置', code: 'settings.manage', label: '店铺设置' },
] as const;

export type Permission = (typeof permissionCatalog)[number]['code'];
export const allPermissions: Permission[] = permissionCatalog.map((p) => p.code);

/** Roles every shop starts with; the owner role can never lose a permission. */
export const defaultRoles: { code: string; name: string; description: string; permissions: Permission[] }[] = [
  { code: 'owner', name: '店主', description: '拥有全部权限', permissions: allPermissions },
  {
    code: 'operator',
    name: '运营',
    description: '商品、订单、营销与内容',
    permissions: ['system.read', 'product.read', 'product.manage', 'product.price', 'inventory.manage', 'order.read', 'order.ship', 'marketing.manage', 'content.manage', 'customer.read', 'analytics.read'],
  },
  { code: 'customer-service', name: '客服', description: '订单查询、售后与在线客服', permissions: ['order.read', 'order.refund', 'customer.read', 'support.chat'] },
  { code: 'warehouse', name: '仓管', description: '发货与库存', permissions: ['order.read', 'order.ship', 'inventory.manage', 'product.read'] },
  { code: 'analyst', name: '数据分析', description: '只读的经营数据', permissions: ['analytics.read', 'order.read', 'product.read', 'customer.read'] },
];
