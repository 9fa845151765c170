import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Flex, Space, Table, Typography } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';
import { ImportOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { errorMessage } from '../../app/api-client';
import { currentYear } from '../../components/year-select';
import { ProjectCreateDrawer } from '../projects/project-create-drawer';
import { useLedger, type LedgerRow } from './api';
import { ColumnChooser, useVisibleColumns } from './column-chooser';
import { ExportButton } from './export-button';
import { DEFAULT_VISIBLE, ledgerColumns, toTableColumns } from './ledger-columns';
import { LedgerFilters } from './ledger-filters';
import { LedgerTotals } from './ledger-totals';
import { isFiltered, PAGE_SIZES, useLedgerParams } from './use-ledger-params';

export function LedgerPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { params, update, setFilters, clearFilters } = useLedgerParams();
  const { data, error, isFetching, refetch } = useLedger(params);
  const [visible, setVisible] = useVisibleColumns(DEFAULT_VISIBLE);
  const [isCreating, setCreating] = useState(false);
  const hasFilters = isFiltered(params);

  const figuresYear = params.year ?? data?.year ?? currentYear();
  const columns = useMemo(
    () => ledgerColumns({ year: figuresYear, offset: (params.page - 1) * params.pageSize }),
    [figuresYear, params.page, params.pageSize],
  );
  const tableColumns = useMemo(() => toTableColumns(columns, visible, params), [columns, visible, params]);

  const handleChange: TableProps<LedgerRow>['onChange'] = (pagination: TablePaginationConfig, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const column = columns.find((c) => c.key === one?.columnKey);
      if (!one?.order || !column?.sort) return update({ sort: 'totalInvestment', order: 'desc', page: 1 });
      return update({ sort: column.sort, order: one.order === 'ascend' ? 'asc' : 'desc', page: 1 });
    }
    if (extra.action === 'paginate') {
      const pageSize = pagination.pageSize ?? params.pageSize;
      update({ pageSize, page: pageSize === params.pageSize ? (pagination.current ?? 1) : 1 });
    }
  };

  const empty = hasFilters ? (
    <Empty description="没有符合筛选条件的项目">
      <Button onClick={clearFilters}>清空筛选</Button>
    </Empty>
  ) : (
    <Empty description={params.year ? `${params.year} 年台账中还没有项目（有该年度计划的项目才列入年度台账）` : '台账中还没有项目'}>
      {me.can.editLedger && <Button type="primary" onClick={() => setCreating(true)}>新增项目</Button>}
    </Empty>
  );

  return (
    <div className="page-card" data-testid="ledger-page">
      <div className="page-title">
        <Space align="baseline" size={12}>
          <h1>项目台账</h1>
          <Typography.Text type="secondary">
            {params.year ? `${params.year} 年台账（有该年度计划的项目）` : `全部在库项目 · 年度数据为 ${figuresYear} 年`} · 金额单位：万元
          </Typography.Text>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={isFetching} data-testid="ledger-refresh">刷新</Button>
          <ColumnChooser columns={columns} visible={visible} defaults={DEFAULT_VISIBLE} onChange={setVisible} />
          <ExportButton params={params} />
          {me.can.editLedger && (
            <Link to="/imports"><Button icon={<ImportOutlined />} data-testid="ledger-import">导入台账</Button></Link>
          )}
          {me.can.editLedger && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="ledger-create">新增项目</Button>
          )}
        </Space>
      </div>
      <Flex vertical gap={12}>
        <LedgerFilters params={params} onChange={setFilters} onClear={clearFilters} isFiltered={hasFilters} />
        <LedgerTotals data={data} />
        {error && <Alert type="error" showIcon message="台账加载失败" description={errorMessage(error)} data-testid="ledger-error" />}
        <Table<LedgerRow>
          className="ledger-table"
          data-testid="ledger-table"
          size="small"
          bordered
          rowKey="id"
          columns={tableColumns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          sticky={{ offsetHeader: 56 }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: isFetching && !data ? ' ' : empty }}
          onChange={handleChange}
          onRow={(row) => ({ onClick: () => navigate(`/projects/${row.id}`) })}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES.map(String),
            showSizeChanger: true,
            showQuickJumper: true,
            showTotal: (total, [from, to]) => `第 ${from}–${to} 个，共 ${total} 个项目`,
          }}
        />
      </Flex>
      {isCreating && (
        <ProjectCreateDrawer
          onClose={() => setCreating(false)}
          onCreated={(id) => navigate(`/projects/${id}`)}
        />
      )}
    </div>
  );
}
